"""The seed vocabulary, loaded by a data migration and kept in sync by it.

Names are marked for translation here and translated when shown (``VocabularyTerm.__str__``).
"""

from django.utils.translation import gettext_noop as _

SUBJECTS = [
    ("mathematics", _("Mathematics")),
    ("science", _("Science")),
    ("english-language-arts", _("English language arts")),
    ("literacy", _("Early literacy")),
    ("history", _("History")),
    ("geography", _("Geography")),
    ("social-studies", _("Social studies")),
    ("world-languages", _("World languages")),
    ("computer-science", _("Computer science")),
    ("educational-technology", _("Educational technology")),
    ("art", _("Visual arts")),
    ("music", _("Music")),
    ("physical-education", _("Physical education")),
    ("special-education", _("Special education")),
    ("ell", _("English-language learners")),
    ("global-citizenship", _("Global citizenship")),
    ("wellbeing", _("Wellbeing and SEL")),
    ("pedagogy", _("General pedagogy")),
]

GRADE_BANDS = [
    ("early-years", _("Early years (ages 3–5)")),
    ("k-2", _("Kindergarten–grade 2")),
    ("3-5", _("Grades 3–5")),
    ("6-8", _("Grades 6–8")),
    ("9-12", _("Grades 9–12")),
    ("higher-ed", _("Higher education")),
    ("adult", _("Adult and continuing education")),
]

LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("pt", _("Portuguese")),
    ("it", _("Italian")),
    ("nl", _("Dutch")),
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
    ("pl", _("Polish")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("hi", _("Hindi")),
    ("bn", _("Bengali")),
    ("ur", _("Urdu")),
    ("sw", _("Swahili")),
    ("yo", _("Yoruba")),
    ("zh", _("Chinese")),
    ("ja", _("Japanese")),
    ("ko", _("Korean")),
    ("id", _("Indonesian")),
    ("vi", _("Vietnamese")),
    ("tl", _("Tagalog")),
    ("mi", _("Māori")),
]


def seed(apps=None, *, overwrite: bool = True) -> None:
    """Create the seed terms (refreshing names and order unless ``overwrite`` is off)."""
    from django.apps import apps as live_apps

    registry = apps or live_apps
    for model_name, terms in [
        ("Subject", SUBJECTS),
        ("GradeBand", GRADE_BANDS),
        ("Language", LANGUAGES),
    ]:
        model = registry.get_model("core", model_name)
        for position, (slug, name) in enumerate(terms):
            values = {"name": name, "position": position}
            if overwrite:
                model.objects.update_or_create(slug=slug, defaults=values)
            else:
                model.objects.get_or_create(slug=slug, defaults=values)
