import unicodedata
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from staffroom.accounts.handles import (
    HANDLE_KEY_MAX_LENGTH,
    HANDLE_MAX_LENGTH,
    MESSAGES,
    generate_handle,
    handle_key,
    handle_taken,
    validate_handle_format,
)
from staffroom.accounts.querysets import ProfileQuerySet
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
    handle = models.CharField(
        _("handle"),
        max_length=HANDLE_MAX_LENGTH,
        validators=[validate_handle_format],
        help_text=_("Others mention you with @handle."),
    )
    # The casefolded handle, kept by save(): one unique index makes @Sam and @sam one person
    # on SQLite too, whose LOWER() folds ASCII letters only.
    handle_key = models.CharField(max_length=HANDLE_KEY_MAX_LENGTH, unique=True, editable=False)
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

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("educator profile")
        verbose_name_plural = _("educator profiles")

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs) -> None:
        if not self.handle:
            # Whichever way a profile is made, it can be mentioned from the start.
            self.handle = generate_handle(self.display_name, exclude_profile_id=self.pk)
        self.handle = unicodedata.normalize("NFC", self.handle)
        self.handle_key = handle_key(self.handle)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "handle" in update_fields:
            kwargs["update_fields"] = {*update_fields, "handle_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", args=[self.user_id])

    def validate_unique(self, exclude=None) -> None:
        # A taken handle is reported against the handle itself, in words members know.
        exclude = {*(exclude or ()), "handle_key"}
        super().validate_unique(exclude=exclude)
        if "handle" not in exclude and handle_taken(self.handle, exclude_profile_id=self.pk):
            raise ValidationError({"handle": ValidationError(MESSAGES["taken"], code="taken")})

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None
