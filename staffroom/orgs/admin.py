from django.contrib import admin

from staffroom.orgs.models import Organization, OrganizationDomain, OrganizationMembership


class DomainInline(admin.TabularInline):
    model = OrganizationDomain
    extra = 0
    readonly_fields = ["added_by"]


class MembershipInline(admin.TabularInline):
    model = OrganizationMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DomainInline, MembershipInline]
