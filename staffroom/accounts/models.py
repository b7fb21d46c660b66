import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from staffroom.core.models import GradeBand, Language, Subject, TimeStampedModel

# available_timezones() walks tzdata on every call; the set never changes at run time.
TIME_ZONES = frozenset(zoneinfo.available_timezones())
TIME_ZONE_CHOICES = [(name, name.replace("_", " ")) for name in sorted(TIME_ZONES)]


def validate_time_zone(value: str) -> None:
    if value not in TIME_ZONES:
        raise ValidationError(_("Choose a time zone from the list."))


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """An account, signed in by e-mail address; everything else lives on the profile."""

    email = models.EmailField(_("e-mail address"), unique=True)
    is_staff = models.BooleanField(
        _("platform staff"),
        default=False,
        help_text=_("Platform staff can use the admin site and see every community."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.profile.display_name


class EducatorRole(models.TextChoices):
    TEACHER = "teacher", _("Teacher")
    COACH = "coach", _("Instructional coach")
    LIBRARIAN = "librarian", _("Librarian / media specialist")
    LEADER = "leader", _("School leader")
    TEACHER_EDUCATOR = "teacher_educator", _("Teacher educator")
    PRE_SERVICE = "pre_service", _("Pre-service teacher")
    OTHER = "other", _("Other education role")


class Profile(TimeStampedModel):
    """The educator behind an account: what, whom and where they teach."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    display_name = models.CharField(_("display name"), max_length=80)
    role = models.CharField(
        _("role"), max_length=20, choices=EducatorRole.choices, default=EducatorRole.TEACHER
    )
    headline = models.CharField(
        _("headline"),
        max_length=140,
        blank=True,
        help_text=_("One line, e.g. “Year 7 maths teacher in Leeds”."),
    )
    bio = models.TextField(_("about"), max_length=2000, blank=True)
    subjects = models.ManyToManyField(Subject, blank=True, verbose_name=_("subjects"))
    grade_bands = models.ManyToManyField(GradeBand, blank=True, verbose_name=_("grade bands"))
    languages = models.ManyToManyField(
        Language, blank=True, verbose_name=_("languages you teach or talk in")
    )
    country = CountryField(_("country"), blank=True)
    # No model-level choices: the zone list follows tzdata and must not churn migrations.
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    ui_language = models.CharField(
        _("interface language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    years_experience = models.PositiveSmallIntegerField(
        _("years of teaching experience"), null=True, blank=True
    )
    expertise = models.JSONField(_("expertise"), default=list, blank=True)
    open_to_mentoring = models.BooleanField(_("open to mentoring"), default=False)
    completed_at = models.DateTimeField(_("profile completed"), null=True, blank=True)
    # Kept here so the header shows it with the user's row: no query per page.
    unread_notifications = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("educator profile")
        verbose_name_plural = _("educator profiles")

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.user_id])

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None
