"""Build library resources the way the product does."""

from staffroom.resources import services
from staffroom.resources.licences import Licence
from staffroom.resources.models import ResourceKind

PLAN = {
    "objectives": ["Describe a ratio relationship in words", "Use a ratio table"],
    "materials": ["Mixing cups", "Squash and water"],
    "steps": [
        {"title": "Warm-up", "minutes": 10, "description": "Which drink is *stronger*?"},
        {"title": "Ratio tables", "minutes": 25, "description": "Scale the recipe."},
    ],
    "differentiation": {
        "ell": "Picture cards for **stronger** and **weaker**.",
        "sped": "Pre-filled first row.",
        "extension": "Three-ingredient recipes.",
    },
    "assessment": "Exit ticket: two recipes, which is stronger?",
    "links": [{"title": "Squash task", "url": "https://example.org/squash"}],
}
REVIEW = {
    "tool_name": "Desmos Classroom",
    "tool_url": "https://teacher.desmos.com/",
    "cost_model": "free",
    "platforms": ["web", "chromebook"],
    "grade_suitability": "Grades 6–12",
    "data_collected": "Names students type; responses.",
    "student_accounts": "optional",
    "privacy_notes": "Students can join with a code and any name.",
    "accessibility_notes": "Screen-reader support for graphs (audio trace).",
    "ratings": {"ease_of_use": 5, "learning_impact": 4, "privacy": 4},
}


def plan_data(**overrides) -> services.ResourceData:
    values = {
        "title": "Squash recipes: a first look at ratio",
        "summary": "A 45-minute lesson introducing ratio through mixing squash.",
        "kind": ResourceKind.LESSON_PLAN,
        "licence": Licence.CC_BY,
        "duration_minutes": 45,
        "content": dict(PLAN),
        "alignments": [("ccss-math", "CCSS.MATH.CONTENT.6.RP.A.1", "Understand ratio language.")],
    }
    values.update(overrides)
    return services.ResourceData(**values)


def review_data(**overrides) -> services.ResourceData:
    values = {
        "title": "Desmos Classroom for middle-school maths",
        "summary": "Free graphing activities with a teacher dashboard.",
        "kind": ResourceKind.TOOL_REVIEW,
        "licence": Licence.CC_BY_SA,
        "content": dict(REVIEW),
    }
    values.update(overrides)
    return services.ResourceData(**values)


def a_resource(author, community=None, **overrides):
    return services.resource_create(author=author, community=community, data=plan_data(**overrides))
