from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _

from staffroom.core import views as core_views
from staffroom.core.converters import IdConverter, TokenConverter

register_converter(IdConverter, "id")
register_converter(TokenConverter, "token")

# Staff sign in through allauth too, so rate limits and two-factor authentication apply.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("Staffroom administration")
admin.site.site_title = _("Staffroom admin")

urlpatterns = [
    path("", core_views.home, name="home"),
    path("robots.txt", core_views.robots_txt),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("staffroom.accounts.urls")),
    path("", include("staffroom.orgs.urls")),
    path("", include("staffroom.communities.urls")),
    path("", include("staffroom.discussions.urls")),
    path("", include("staffroom.resources.urls")),
    path("", include("staffroom.livechat.urls")),
    path("", include("staffroom.discussions.urls_tags")),
    path("", include("staffroom.search.urls")),
    path("", include("staffroom.notifications.urls")),
]
