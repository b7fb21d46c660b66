from django.contrib import admin

from staffroom.communities.models import Community, Invitation, Membership, Space


class SpaceInline(admin.TabularInline):
    model = Space
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "visibility", "join_policy", "organization", "member_count"]
    list_filter = ["visibility", "join_policy", "restricted_to_organization"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["subjects", "grade_bands", "languages"]
    readonly_fields = ["member_count"]
    inlines = [SpaceInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "community", "role", "state", "joined_at"]
    list_filter = ["role", "state"]
    search_fields = ["user__email", "community__name"]
    raw_id_fields = ["user", "community", "decided_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["community", "created_by", "expires_at", "use_count", "max_uses", "revoked_at"]
    raw_id_fields = ["community", "created_by"]
