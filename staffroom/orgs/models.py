from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from staffroom.core.models import TimeStampedModel


class OrganizationKind(models.TextChoices):
    SCHOOL = "school", _("School")
    DISTRICT = "district", _("District / local authority")
    UNIVERSITY = "university", _("University / college")
    NETWORK = "network", _("Network / association")


class Organization(TimeStampedModel):
    """A school, district, university or network whose staff can form formal communities."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:detail", args=[self.slug])


class OrganizationDomain(TimeStampedModel):
    """An e-mail domain the organisation vouches for: confirmed addresses on it join the org."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("e-mail domain"), max_length=253, unique=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = _("verified e-mail domain")
        verbose_name_plural = _("verified e-mail domains")

    def __str__(self) -> str:
        return self.domain


class OrgRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class OrgMembershipSource(models.TextChoices):
    DOMAIN = "domain", _("Confirmed e-mail on a verified domain")
    MANUAL = "manual", _("Added by an administrator")


class OrganizationMembership(TimeStampedModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="org_memberships"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=OrgRole.choices, default=OrgRole.MEMBER
    )
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=OrgMembershipSource.choices,
        default=OrgMembershipSource.DOMAIN,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="org_membership_unique")
        ]
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")

    def __str__(self) -> str:
        return f"{self.user} in {self.organization}"
