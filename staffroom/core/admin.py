from django.contrib import admin

from staffroom.core.models import GradeBand, Language, Subject


@admin.register(Subject, GradeBand, Language)
class VocabularyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
