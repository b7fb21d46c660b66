"""The demo practice library: lesson plans, activities, assessments, templates, units and
technology-tool reviews, with the remixes members made of them and what happened when
colleagues tried them in class.

``days_ago`` places a resource's publication; an edit's or a report's ``days_after`` counts
from it. A community resource's author, and everyone who edits it or reports trying it, is an
active member of that community; anyone may report on a portfolio resource (no community).
Remixes come after their sources in ``REMIXES``, keep within what the source's licence
allows, and stay inside the community when the source is in a private one. Standards codes are real, with their meaning put in our own words.
"""

from dataclasses import dataclass, field

from staffroom.demo.data.threads import md
from staffroom.resources.licences import Licence
from staffroom.resources.models import ResourceKind, Setting


@dataclass(frozen=True)
class TriedSpec:
    person: str
    days_after: float
    grade: str
    class_size: int
    rating: int
    worked: str
    adapted: str = ""
    change_next: str = ""
    setting: str = Setting.IN_PERSON
    grade_band: str | None = None


@dataclass(frozen=True)
class EditSpec:
    """A later version: ``changes`` replaces fields; its ``content`` replaces content keys."""

    days_after: float
    note: str
    changes: dict
    # Someone other than the author, e.g. a moderator tidying up; None for the author.
    editor: str | None = None


@dataclass(frozen=True)
class ResourceSpec:
    key: str
    community: str | None
    author: str
    kind: str
    title: str
    summary: str
    days_ago: float
    content: dict
    licence: str = Licence.CC_BY
    language: str = "en"
    duration_minutes: int | None = None
    subjects: tuple[str, ...] = ()
    grade_bands: tuple[str, ...] = ()
    # (framework, code, what it asks of students)
    alignments: tuple[tuple[str, str, str], ...] = ()
    edits: tuple[EditSpec, ...] = ()
    tried: tuple[TriedSpec, ...] = ()


@dataclass(frozen=True)
class RemixSpec:
    """An adaptation: the source copied with ``resource_remix``, then edited with ``note``."""

    key: str
    source: str
    community: str | None
    author: str
    days_ago: float
    note: str
    changes: dict = field(default_factory=dict)
    licence: str | None = None
    tried: tuple[TriedSpec, ...] = ()


def plan(
    *,
    objectives=(),
    materials=(),
    steps=(),
    ell: str = "",
    sped: str = "",
    extension: str = "",
    assessment: str = "",
    links=(),
) -> dict:
    """The content of a lesson plan, activity, assessment, template or unit."""
    return {
        "objectives": list(objectives),
        "materials": list(materials),
        "steps": [
            {"title": title, "minutes": minutes, "description": md(description)}
            for title, minutes, description in steps
        ],
        "differentiation": {"ell": md(ell), "sped": md(sped), "extension": md(extension)},
        "assessment": md(assessment),
        "links": [{"title": title, "url": url} for title, url in links],
    }


def review(
    *,
    tool_name: str,
    tool_url: str,
    cost_model: str,
    platforms: tuple[str, ...],
    grade_suitability: str,
    data_collected: str,
    student_accounts: str,
    privacy_notes: str,
    accessibility_notes: str,
    ratings: dict[str, int],
    links=(),
) -> dict:
    """The content of a technology-tool review."""
    return {
        "tool_name": tool_name,
        "tool_url": tool_url,
        "cost_model": cost_model,
        "platforms": list(platforms),
        "grade_suitability": grade_suitability,
        "data_collected": md(data_collected),
        "student_accounts": student_accounts,
        "privacy_notes": md(privacy_notes),
        "accessibility_notes": md(accessibility_notes),
        "ratings": ratings,
        "links": [{"title": title, "url": url} for title, url in links],
    }


T = TriedSpec
LESSON = ResourceKind.LESSON_PLAN
UNIT = ResourceKind.UNIT
ACTIVITY = ResourceKind.ACTIVITY
ASSESSMENT = ResourceKind.ASSESSMENT
TEMPLATE = ResourceKind.TEMPLATE
TOOL = ResourceKind.TOOL_REVIEW
REMOTE = Setting.REMOTE
HYBRID = Setting.HYBRID

CCSS_MATH = "ccss-math"
CCSS_ELA = "ccss-ela"
NGSS = "ngss"
ISTE = "iste-students"

# --- Middle-school maths ------------------------------------------------------------------

PAINT_STEPS = (
    (
        "Which pink is pinker?",
        8,
        """
        Show two tubs of pink paint made from red and white: "2 red to 3 white" and "3 red to
        5 white". Students vote on a mini whiteboard, then convince a partner. Don't settle
        it yet; write both arguments on the board.
        """,
    ),
    (
        "Mix it for real",
        15,
        """
        In fours, students mix small batches with teaspoons on a paper plate: 1 red to 2 white,
        2 red to 4 white, 3 red to 4 white. They lay the plates out and decide which ones
        *look the same* and why. Collect the words they use ("twice as much white", "for every
        red there are two white").
        """,
    ),
    (
        "Ratio language",
        10,
        """
        Introduce the notation a : b and the phrases **for every**, **to** and **for each**.
        Write one sentence per plate together. Point out that 1 : 2 and 2 : 4 describe the same
        colour, and ask why 3 : 4 does not.
        """,
    ),
    (
        "Settle the opening question",
        10,
        """
        Back to "2 : 3 or 3 : 5?". Pairs use any representation they like (drawings, tables,
        a bar model). Share two contrasting methods under the visualiser.
        """,
    ),
    (
        "Exit ticket",
        7,
        """
        Three prompts: write a ratio sentence for a picture of 4 blue and 6 yellow cubes; say
        whether 4 : 6 and 2 : 3 make the same green; explain in one sentence how you know.
        """,
    ),
)

MIDDLE_SCHOOL_MATHS = (
    ResourceSpec(
        key="paint-ratio",
        community="middle-school-maths",
        author="sam",
        kind=LESSON,
        title="Paint mixing: a first lesson on ratio language",
        summary=md("""
            A hands-on first lesson on ratio for Year 7 / grade 6: students mix pink and green
            paint in different ratios, notice which mixes look the same, and learn to say what
            they see with "for every" and a : b.
        """),
        days_ago=38.3,
        licence=Licence.CC_BY_SA,
        duration_minutes=50,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        alignments=(
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.6.RP.A.1",
                "Describe how two quantities are related using ratio words and notation.",
            ),
            (
                CCSS_MATH,
                "CCSS.MATH.PRACTICE.MP3",
                "Argue for a conclusion and respond to the reasoning of classmates.",
            ),
        ),
        content=plan(
            objectives=(
                "Describe a ratio relationship between two quantities in words and as a : b",
                "Recognise that two ratios can describe the same mixture",
                "Justify which of two mixtures is stronger",
            ),
            materials=(
                "Red, white, blue and yellow poster paint",
                "Teaspoons and paper plates (one set per group of four)",
                "Mini whiteboards and pens",
                "Exit ticket slips",
            ),
            steps=PAINT_STEPS,
            ell="""
                Label the paint pots with the colour words and put **for every ___ there are
                ___** on a sentence strip on each table. Let students write ratio sentences in
                their first language first, then in English.
            """,
            sped="""
                Give pre-counted cubes instead of paint if mixing is overwhelming; the ratio
                talk is the same. A table with the first row filled in helps students who
                struggle to start.
            """,
            extension="""
                Three-colour mixes: "1 red, 2 white, 1 yellow". Can you make the same colour with
                10 spoons in total? With 12?
            """,
            assessment="""
                The exit ticket shows who can write a ratio sentence and who sees that 4 : 6 and
                2 : 3 are the same mix. Sort the slips into three piles (secure, nearly, not
                yet) and start the next lesson from the middle pile.
            """,
            links=(("Printable colour cards", "https://example.org/maths/ratio/colour-cards"),),
        ),
        edits=(
            EditSpec(
                days_after=6,
                note="Added printed colour cards (pink and green sets) after Liam's report that the paint ran out.",
                changes={
                    "content": {
                        "materials": [
                            "Red, white, blue and yellow poster paint",
                            "Teaspoons and paper plates (one set per group of four)",
                            "Printed colour cards (pink set and green set)",
                            "Mini whiteboards and pens",
                            "Exit ticket slips",
                        ],
                    }
                },
            ),
        ),
        tried=(
            T(
                "liam",
                3.25,
                "Year 7",
                28,
                4,
                worked=md("""
                    The mixing was noisy but worth it: "for every" came out of the students
                    before I'd introduced it. The 2 : 3 vs 3 : 5 argument ran all lesson.
                """),
                change_next="Half the groups only had red and white left by period 5; print a second colour set.",
                grade_band="6-8",
            ),
            T(
                "wanjiru",
                9.6,
                "Grade 7",
                46,
                5,
                worked=md("""
                    No paint at our school, so we used squash concentrate and water in clear
                    cups instead. Students could *taste* "stronger", which settled arguments
                    faster than colour did.
                """),
                adapted="Squash and water instead of paint; groups of six because of class size.",
                change_next="Agree a tasting rule before anyone touches a cup.",
                grade_band="6-8",
            ),
            T(
                "marcus",
                14.1,
                "Grade 6",
                31,
                4,
                worked="The exit ticket sorted my class into three clear groups for the next day.",
                change_next="I'd cut the mixing to 10 minutes; my 6th graders got the idea quickly.",
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="integers-sea-level",
        community="middle-school-maths",
        author="marcus",
        kind=LESSON,
        title="Above and below zero: integers with temperatures and sea level",
        summary=md("""
            Students place real temperatures and elevations on a vertical number line, then
            use it to find differences such as "how much warmer" and "how far above". Builds the
            meaning of negative numbers before any rules for adding them.
        """),
        days_ago=33.7,
        duration_minutes=55,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        alignments=(
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.6.NS.C.5",
                "Use positive and negative numbers for amounts in opposite directions, such as "
                "above and below zero or sea level.",
            ),
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.7.NS.A.1",
                "Add and subtract positive and negative numbers, showing the sums on a number "
                "line.",
            ),
        ),
        content=plan(
            objectives=(
                "Place positive and negative numbers on a vertical number line",
                "Explain what zero means in a context (freezing point, sea level)",
                "Find the distance between two numbers on either side of zero",
            ),
            materials=(
                "Vertical number line strips, −100 to 100",
                "Place cards: Death Valley (−82 m), Dead Sea shore (−430 m), Mount Kenya, "
                "your own town",
                "Temperature cards for six cities on one winter morning",
            ),
            steps=(
                (
                    "Thermometer starter",
                    7,
                    """
                    Show a thermometer reading −4 °C. "Is it colder or warmer than 0? By how
                    much? What would 4 degrees warmer read?" Take answers on whiteboards.
                    """,
                ),
                (
                    "Build the number line",
                    15,
                    """
                    Pairs stick the temperature cards on a vertical line, then the place cards on
                    an elevation line. Ask: why is a vertical line more natural here?
                    """,
                ),
                (
                    "How far apart?",
                    20,
                    """
                    Card pairs: "Moscow −12 °C and Lisbon 9 °C — how much warmer is Lisbon?"
                    Students count on the line first, then look for a shortcut. Record
                    "distance across zero = distance down to zero + distance up from zero".
                    """,
                ),
                (
                    "Write your own",
                    13,
                    """
                    Each pair writes a question for another pair using the cards. Swap, solve,
                    and check with the number line.
                    """,
                ),
            ),
            ell="""
                Pre-teach **above**, **below**, **warmer**, **colder** and **sea level** with
                pictures. Allow students to use "more than / less than" at first.
            """,
            sped="""
                Use the −10 to 10 line only, with every integer marked. A counter that students
                move step by step supports counting across zero.
            """,
            extension="""
                A submarine at −120 m rises 45 m, then dives 80 m. Write one expression for its
                final depth. Which order of moves gives the same answer?
            """,
            assessment="""
                Two questions at the end: the difference between −7 °C and 5 °C, and a sketch of
                a number line showing it. The sketch tells you more than the answer.
            """,
            links=(
                ("Elevation and temperature cards", "https://example.org/maths/integers/cards"),
            ),
        ),
        edits=(
            EditSpec(
                days_after=2,
                note="Fixed Death Valley's elevation (−86 m, not −82 m) and added the −10 to 10 strip.",
                changes={
                    "content": {
                        "materials": [
                            "Vertical number line strips, −100 to 100 and −10 to 10",
                            "Place cards: Death Valley (−86 m), Dead Sea shore (−430 m), "
                            "Mount Kenya, your own town",
                            "Temperature cards for six cities on one winter morning",
                        ]
                    }
                },
            ),
        ),
        tried=(
            T(
                "megan",
                5.45,
                "Year 8",
                27,
                5,
                worked="The vertical line made 'distance across zero' click for students who had been guessing all year.",
                adapted="Used Aoraki / Mount Cook and Lake Taupō instead of the American places.",
                grade_band="6-8",
            ),
            T(
                "wanjiru",
                12.8,
                "Grade 7",
                46,
                4,
                worked="Students loved Mount Kenya being on the card. The 'write your own' part worked well in pairs.",
                change_next="Laminate the cards; forty-six students wear them out fast.",
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="balance-equations",
        community="middle-school-maths",
        author="megan",
        kind=LESSON,
        title="Balance puzzles to one-step equations",
        summary=md("""
            Hanger diagrams (balance puzzles) lead students from "what keeps it level?" to
            writing and solving x + p = q and px = q, so the rule "do the same to both sides"
            comes from the picture rather than from the teacher.
        """),
        days_ago=27.2,
        licence=Licence.CC_BY_NC,
        duration_minutes=45,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        alignments=(
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.6.EE.B.7",
                "Write and solve one-step equations like x + p = q and px = q for real and "
                "mathematical problems.",
            ),
        ),
        content=plan(
            objectives=(
                "Explain why a hanger stays balanced when the same thing is removed from both sides",
                "Write an equation for a hanger diagram",
                "Solve one-step equations and check the answer by substitution",
            ),
            materials=(
                "Hanger puzzle slides",
                "Printed puzzle sheet (12 puzzles)",
                "Mini whiteboards",
            ),
            steps=(
                (
                    "Balanced or not?",
                    8,
                    """
                    Show three hangers, one unbalanced. Students decide which, and why. No
                    letters yet.
                    """,
                ),
                (
                    "Solve the hangers",
                    15,
                    """
                    Puzzles 1–6: circles and triangles of unknown weight. Students find each
                    shape's weight and explain the moves they made.
                    """,
                ),
                (
                    "From pictures to equations",
                    12,
                    """
                    Write the first puzzle as 3 + x = 7 together. Students write equations for
                    puzzles 2–6 and match each move on the hanger to a step in the equation.
                    """,
                ),
                (
                    "Equations without pictures",
                    10,
                    """
                    Puzzles 7–12 are equations only. Encourage students to sketch a hanger when
                    stuck, and to check by putting their answer back in.
                    """,
                ),
            ),
            ell="Word bank: balance, both sides, remove, equal, weigh. The pictures carry most of the meaning.",
            sped="Physical balance scales and cubes for the first puzzles; fewer puzzles per page.",
            extension="Hangers with two unknowns on one side, leading to 2x + 3 = 11.",
            assessment="Hinge question before the last section: which move keeps 4x = 20 balanced? (A) subtract 4 (B) divide both sides by 4 (C) divide the left by 4.",
            links=(("Hanger puzzle slides", "https://example.org/maths/equations/hangers"),),
        ),
        tried=(
            T(
                "kenji",
                6.35,
                "Grade 6 (Japanese Year 6 equivalent)",
                34,
                5,
                worked="The hinge question caught three students who divided only one side. We fixed it on the spot.",
                grade_band="6-8",
            ),
            T(
                "sam",
                11.25,
                "Year 7",
                30,
                4,
                worked="Matching each hanger move to an equation step was the key moment.",
                change_next="My class rushed puzzles 7–12; I'll ask for a sketch for at least two of them.",
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="better-deal",
        community="middle-school-maths",
        author="liam",
        kind=ACTIVITY,
        title="Which deal is better? Percentages with supermarket flyers",
        summary=md("""
            Students compare real offers from supermarket flyers ("30% off", "buy 2 get 1
            free", "20% extra free") and argue which is the better deal, using percent as a
            rate per 100.
        """),
        days_ago=21.55,
        duration_minutes=40,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        alignments=(
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.6.RP.A.3.C",
                "Treat a percent as a rate per 100 and find a percent of a quantity.",
            ),
        ),
        content=plan(
            objectives=(
                "Find a percent of a quantity",
                "Compare offers written in different forms",
            ),
            materials=(
                "Three or four local supermarket flyers per group",
                "Calculators (optional)",
            ),
            steps=(
                ("Spot the offers", 5, "Groups circle every offer that uses a percent."),
                (
                    "Work out the savings",
                    20,
                    """
                    Each group picks four offers and works out the price per item or per 100 g.
                    Bar models or a 100-square are welcome.
                    """,
                ),
                (
                    "Best deal debate",
                    15,
                    """
                    Groups present their best deal. The class challenges: is "buy 2 get 1 free"
                    really 33% off? Only if you need three.
                    """,
                ),
            ),
            ell="Flyers are full of picture support; pair students who share a first language.",
            sped="Give offers with friendly numbers (10%, 25%, 50%) first.",
            extension="Successive discounts: is 20% off then 10% off the same as 30% off?",
            assessment="Each student writes one offer and its saving on a sticky note for the door.",
        ),
        tried=(
            T(
                "lucia",
                4.6,
                "1º de secundaria",
                38,
                4,
                worked="Used flyers from Soriana and Chedraui; students argued about 'lleve 3 pague 2' for a long time.",
                adapted="Prices in pesos, so the per-100 g step was more natural.",
                grade_band="6-8",
            ),
            T(
                "priya",
                9.1,
                "Class 7",
                52,
                3,
                worked="Good discussion once groups got going.",
                change_next="Flyers were hard to get in quantity; next time I'll photocopy two pages per group.",
                grade_band="6-8",
            ),
        ),
    ),
)

# --- EdTech tools and tips: reviews after real classroom use -------------------------------

EDTECH = (
    ResourceSpec(
        key="review-desmos",
        community="edtech-tools-and-tips",
        author="arjun",
        kind=TOOL,
        title="Desmos Classroom after a year with grades 6–10",
        summary=md("""
            Free graphing and maths activities with a live teacher dashboard. Superb for
            discussion; less good on bad connections, and the sketch screens shut out some
            students.
        """),
        days_ago=36.85,
        subjects=("mathematics", "educational-technology"),
        grade_bands=("6-8", "9-12"),
        content=review(
            tool_name="Desmos Classroom",
            tool_url="https://teacher.desmos.com/",
            cost_model="free",
            platforms=("web", "chromebook", "ios", "android"),
            grade_suitability="Grades 6–12; the graphing calculator is fine from grade 4.",
            data_collected="""
                Whatever name students type, or their Google account if you require sign-in;
                every response and sketch. The classroom activities are run by Amplify now.
            """,
            student_accounts="optional",
            privacy_notes="""
                Students can join with a class code and a first name only, which is what I
                recommend. If your district needs sign-in, check that your data agreement covers
                Amplify, not only "Desmos".
            """,
            accessibility_notes="""
                The graphing calculator is one of the most accessible maths tools around: audio
                trace, Braille input and good screen-reader support. Activity screens that ask
                students to **sketch** need a mouse or touch, so plan another way in for those
                students.
            """,
            ratings={
                "ease_of_use": 5,
                "learning_impact": 5,
                "accessibility": 4,
                "privacy": 4,
                "value": 5,
            },
        ),
        tried=(
            T(
                "ana",
                8.45,
                "8º ano",
                32,
                5,
                worked="Pausing the class and showing anonymised answers started the best discussion of the term.",
                grade_band="6-8",
            ),
            T(
                "kevin",
                15.8,
                "Grade 7",
                29,
                4,
                worked="Used the graphing calculator for a distance–time lab. Worked on old Chromebooks.",
                change_next="Wi-Fi dropped twice; students lost nothing, but I'd have a paper plan B ready.",
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="review-geogebra",
        community="edtech-tools-and-tips",
        author="ana",
        kind=TOOL,
        title="GeoGebra for geometry and physics models",
        summary=md("""
            Free for non-commercial use, runs in the browser and as apps, and the ready-made
            materials cover most of lower-secondary geometry. Steeper learning curve than
            Desmos for students.
        """),
        days_ago=31.4,
        language="en",
        subjects=("mathematics", "science"),
        grade_bands=("6-8", "9-12"),
        content=review(
            tool_name="GeoGebra",
            tool_url="https://www.geogebra.org/",
            cost_model="free",
            platforms=("web", "chromebook", "windows", "macos", "ios", "android"),
            grade_suitability="Grades 6–12 and university; the Geometry app works from grade 5.",
            data_collected="""
                With GeoGebra Classroom, the name a student enters and their work on each task;
                with an account, an email address as well.
            """,
            student_accounts="optional",
            privacy_notes="""
                Students can join a GeoGebra Classroom with a code and a nickname, no account.
                The company has been owned by BYJU'S since 2021, which our IT team wanted to
                know before approving it; read the current privacy policy yourself.
            """,
            accessibility_notes="""
                Keyboard navigation works in the graphing and geometry apps, and objects have
                screen-reader descriptions, but dragging points by keyboard takes practice. Many
                community materials use colour alone to show meaning.
            """,
            ratings={
                "ease_of_use": 3,
                "learning_impact": 5,
                "accessibility": 3,
                "privacy": 3,
                "value": 5,
            },
            links=(("My angle-chasing activities", "https://example.org/edtech/geogebra-angles"),),
        ),
        tried=(
            T(
                "marta",
                6.35,
                "5º de primaria",
                24,
                4,
                worked="The Geometry app was simple enough for ten-year-olds once I hid the algebra view.",
                grade_band="3-5",
            ),
        ),
    ),
    ResourceSpec(
        key="review-padlet",
        community="edtech-tools-and-tips",
        author="marta",
        kind=TOOL,
        title="Padlet: great walls, think about the settings first",
        summary=md("""
            A shared wall for sticky notes, photos and short videos. Quick to start and
            students love it; the privacy and moderation settings deserve five minutes before
            every board.
        """),
        days_ago=29.1,
        subjects=("educational-technology",),
        grade_bands=("3-5", "6-8", "9-12"),
        content=review(
            tool_name="Padlet",
            tool_url="https://padlet.com/",
            cost_model="freemium",
            platforms=("web", "chromebook", "ios", "android"),
            grade_suitability="Grades 3–12 with teacher-set moderation; younger with the teacher posting.",
            data_collected="""
                Posts, uploads and comments; names if students sign in; IP addresses in the
                provider's logs.
            """,
            student_accounts="optional",
            privacy_notes="""
                A new board can be opened by anyone who has its link. Before sharing, I set
                **Secret** visibility, turn on **Require approval** for posts and switch off
                comments from visitors. The free plan only keeps a few boards at a time (three
                when I wrote this); our school pays for Padlet for Schools, which adds student
                accounts inside our domain.
            """,
            accessibility_notes="""
                The "Stream" layout reads well with a screen reader; the free-form canvas does
                not. Students have to add descriptions to their own images, so teach that
                first.
            """,
            ratings={
                "ease_of_use": 5,
                "learning_impact": 3,
                "accessibility": 3,
                "privacy": 3,
                "value": 3,
            },
        ),
        tried=(
            T(
                "yuki",
                5.25,
                "Grade 8 English",
                35,
                4,
                worked="A Padlet of photos from home for our letter-exchange partners in Mexico. Approval mode kept it safe.",
                setting=HYBRID,
                grade_band="6-8",
            ),
            T(
                "denise",
                10.6,
                "Staff PD, K–12",
                22,
                3,
                worked="Fine as an exit board at a PD session.",
                change_next="Half the staff hit the free-board limit the same week; we need the school plan.",
            ),
        ),
    ),
    ResourceSpec(
        key="review-kahoot",
        community="edtech-tools-and-tips",
        author="kevin",
        kind=TOOL,
        title="Kahoot! for retrieval practice: fun, but mind the clock",
        summary=md("""
            Game-show quizzes that students join with a PIN. Brilliant energy for a Friday
            review; the countdown and the leaderboard reward speed, so use it for recall, not
            for new thinking.
        """),
        days_ago=24.65,
        subjects=("educational-technology", "science"),
        grade_bands=("3-5", "6-8", "9-12"),
        content=review(
            tool_name="Kahoot!",
            tool_url="https://kahoot.com/",
            cost_model="freemium",
            platforms=("web", "chromebook", "ios", "android"),
            grade_suitability="Grades 3–12; K–2 only with the teacher reading questions aloud.",
            data_collected="Nicknames and answers per game; the teacher's account data.",
            student_accounts="none",
            privacy_notes="""
                Students join at kahoot.it with a game PIN and a nickname, with no account.
                Turn on the **friendly nickname generator** or you will spend the first minute
                removing rude names.
            """,
            accessibility_notes="""
                Answers have shapes as well as colours, which helps colour-blind students. The
                countdown is hard on slower readers and English learners: assign a
                student-paced challenge instead of a live game for them, or for everyone.
            """,
            ratings={
                "ease_of_use": 5,
                "learning_impact": 3,
                "accessibility": 2,
                "privacy": 4,
                "value": 4,
            },
        ),
        tried=(
            T(
                "tyler",
                3.1,
                "Grade 6 science",
                30,
                4,
                worked="Team mode calmed the speed race down and got students discussing answers.",
                grade_band="6-8",
            ),
            T(
                "adebayo",
                9.45,
                "SS1",
                41,
                3,
                worked="Students were excited, even sharing twelve tablets between forty-one.",
                change_next="Our bandwidth struggled with every device joining at once; team mode with one device per team fixed it.",
                grade_band="9-12",
            ),
        ),
    ),
    ResourceSpec(
        key="review-google-forms",
        community="edtech-tools-and-tips",
        author="tyler",
        kind=TOOL,
        title="Google Forms as a self-marking quiz and exit ticket",
        summary=md("""
            Free with Google Workspace for Education. Quiz mode marks multiple-choice
            questions for you and can show students their score straight away; the data stays
            under your school's Google agreement.
        """),
        days_ago=20.3,
        subjects=("educational-technology",),
        grade_bands=("3-5", "6-8", "9-12"),
        content=review(
            tool_name="Google Forms",
            tool_url="https://forms.google.com/",
            cost_model="school",
            platforms=("web", "chromebook", "ios", "android"),
            grade_suitability="Grades 3–12.",
            data_collected="Responses, and the student's school email if you collect it or limit to one response.",
            student_accounts="required",
            privacy_notes="""
                Everything stays inside your school's Google Workspace, under the agreement
                your district already signed. Limiting to one response or collecting emails
                means students must be signed in. **Locked mode** (no other tabs) only works on
                school-managed Chromebooks.
            """,
            accessibility_notes="""
                Forms work well with screen readers and keyboards. I couldn't find a reliable
                way to add alt text to images, so I describe every picture in the question
                text.
            """,
            ratings={
                "ease_of_use": 5,
                "learning_impact": 3,
                "accessibility": 4,
                "privacy": 5,
                "value": 5,
            },
        ),
        tried=(
            T(
                "jasmine",
                4.8,
                "Grade 4",
                24,
                5,
                worked="A three-question exit ticket every day for two weeks; the summary chart is all I needed for regrouping.",
                grade_band="3-5",
            ),
        ),
    ),
    ResourceSpec(
        key="review-scratch",
        community="edtech-tools-and-tips",
        author="adebayo",
        kind=TOOL,
        title="Scratch for a first programming unit (works offline too)",
        summary=md("""
            The free block-based language from the Scratch Foundation. My SS1 students built
            quiz games in four weeks, half of the time on the offline app because the
            connection is unreliable.
        """),
        days_ago=17.7,
        subjects=("computer-science",),
        grade_bands=("3-5", "6-8", "9-12"),
        content=review(
            tool_name="Scratch",
            tool_url="https://scratch.mit.edu/",
            cost_model="free",
            platforms=("web", "chromebook", "windows", "macos", "android"),
            grade_suitability="Ages 8–16; ScratchJr for ages 5–7.",
            data_collected="""
                With accounts: username, country, birth month and year, and every project
                shared. The offline app keeps projects on the device.
            """,
            student_accounts="optional",
            privacy_notes="""
                A teacher account can create student accounts without student email
                addresses. Anything **shared** is public to the whole world and can be
                remixed, so teach students never to put their names, faces or school in a
                shared project.
            """,
            accessibility_notes="""
                Dragging blocks needs a mouse or touch screen; screen-reader support is very
                limited. Blocks can be shown in many languages, which helped my students who
                think in Yoruba.
            """,
            ratings={
                "ease_of_use": 4,
                "learning_impact": 5,
                "accessibility": 2,
                "privacy": 4,
                "value": 5,
            },
        ),
        tried=(
            T(
                "aisha",
                7.35,
                "Year 8 computing",
                27,
                5,
                worked="The quiz-game project from this review worked as written; the 'broadcast' block lesson is gold.",
                grade_band="6-8",
            ),
            T(
                "marta",
                12.25,
                "4º de primaria",
                25,
                4,
                worked="Used the blocks in Spanish and Catalan; students switched languages happily.",
                grade_band="3-5",
            ),
        ),
    ),
    ResourceSpec(
        key="review-book-creator",
        community="edtech-tools-and-tips",
        author="denise",
        kind=TOOL,
        title="Book Creator for K–5 writing and read-alouds",
        summary=md("""
            Students make books with text, drawings, photos and their own recorded voice.
            Our youngest writers finally had an audience. The free plan is small; a school
            plan was worth it for us.
        """),
        days_ago=13.2,
        subjects=("literacy", "educational-technology"),
        grade_bands=("k-2", "3-5"),
        content=review(
            tool_name="Book Creator",
            tool_url="https://bookcreator.com/",
            cost_model="freemium",
            platforms=("web", "chromebook", "ios"),
            grade_suitability="Kindergarten to grade 8; strongest in K–5.",
            data_collected="Student names, books, recordings and photos they add.",
            student_accounts="optional",
            privacy_notes="""
                Students join a teacher's library with a code; with a school plan they can sign
                in with school Google or Microsoft accounts. Books are private to the library
                until you publish them; if you publish, make sure no child's face or full name
                is in it.
            """,
            accessibility_notes="""
                **Read to Me** reads books aloud with highlighting, and students can record
                their own voice on every page, which levels the field for children who can say
                far more than they can write yet. Immersive Reader is built in.
            """,
            ratings={
                "ease_of_use": 4,
                "learning_impact": 4,
                "accessibility": 5,
                "privacy": 4,
                "value": 3,
            },
        ),
        tried=(
            T(
                "jasmine",
                6.6,
                "Kindergarten",
                20,
                5,
                worked="Each child recorded one page about their family; parents cried at the showcase.",
                grade_band="k-2",
            ),
        ),
    ),
    ResourceSpec(
        key="privacy-lesson",
        community="edtech-tools-and-tips",
        author="aisha",
        kind=LESSON,
        title="Who can see my work? A digital-privacy lesson with our own class tools",
        summary=md("""
            Students audit the apps they use in school: what each one knows about them, who
            can see what they post, and which settings they control. Ends with a class
            "privacy card" for every tool.
        """),
        days_ago=10.55,
        duration_minutes=60,
        subjects=("educational-technology", "computer-science"),
        grade_bands=("6-8",),
        alignments=(
            (
                ISTE,
                "ISTE.S.1.2.D",
                "Manage personal data to keep digital privacy and security, knowing how data "
                "about one's activity is collected.",
            ),
        ),
        content=plan(
            objectives=(
                "List the personal data a school app collects",
                "Find and change the privacy settings of one tool",
                "Explain the difference between 'private', 'link-only' and 'public'",
            ),
            materials=(
                "Devices signed in to the class tools",
                "Privacy card template (one per tool)",
                "Printed excerpts of two privacy policies",
            ),
            steps=(
                (
                    "What does the app know?",
                    10,
                    """
                    Students list everything they think one app knows about them. Compare lists;
                    most forget the time stamps and the device.
                    """,
                ),
                (
                    "Policy detectives",
                    20,
                    """
                    Groups read a short policy excerpt and highlight: what is collected, who it
                    is shared with, how long it is kept.
                    """,
                ),
                (
                    "Settings hunt",
                    15,
                    """
                    Each group opens the settings of one tool the class uses and records who can
                    see a post by default.
                    """,
                ),
                (
                    "Privacy cards",
                    15,
                    "Groups fill in a privacy card for their tool; cards go on the class wall.",
                ),
            ),
            ell="Policy excerpts come with a glossary (collect, share, third party, retain).",
            sped="Give one settings screen as a printed screenshot to annotate.",
            extension="Compare two tools that do the same job and recommend one to the head teacher.",
            assessment="The privacy card is the product; check it names at least three kinds of data and one setting.",
        ),
        tried=(
            T(
                "arjun",
                4.1,
                "Class 8",
                40,
                4,
                worked="The settings hunt surprised students: two of our boards were public.",
                grade_band="6-8",
            ),
        ),
    ),
)

# --- First-year teachers' circle (secret) -------------------------------------------------

FIRST_YEAR_CIRCLE = (
    ResourceSpec(
        key="first-five-minutes",
        community="first-year-circle",
        author="joanne",
        kind=TEMPLATE,
        title="The first five minutes: a do-now routine planner",
        summary=md("""
            A one-page planner for the start of every lesson: greet at the door, a do-now on
            the board before students sit, and a script for the first minute. Fill one in per
            class for the first month.
        """),
        days_ago=26.85,
        duration_minutes=5,
        subjects=("pedagogy", "wellbeing"),
        grade_bands=("6-8", "9-12"),
        content=plan(
            objectives=(
                "Start every lesson the same calm way",
                "Have students working within a minute of arriving",
            ),
            materials=("Planner page (one per class)", "Do-now slide template"),
            steps=(
                ("At the door", 1, "Greet each student by name. Point to the board."),
                (
                    "Do-now on the board",
                    3,
                    """
                    Three short questions students can answer without help: one from last
                    lesson, one from last week, one from last month.
                    """,
                ),
                ("Go through it", 1, "Cold-call two answers; then move into the lesson."),
            ),
            sped="Keep the do-now in the same place on the board and on a printed card for students who need it.",
            assessment="Note who could not start; they are your first check-ins.",
        ),
        tried=(
            T(
                "tyler",
                3.45,
                "Grade 6 science",
                30,
                5,
                worked="Period 4 used to take ten minutes to settle. It takes two now.",
                grade_band="6-8",
            ),
            T(
                "javier",
                8.8,
                "3º ESO",
                29,
                4,
                worked="The 'last month' question is a great review habit.",
                change_next="Laminate the do-now card; students kept taking it home.",
                grade_band="9-12",
            ),
        ),
    ),
    ResourceSpec(
        key="calm-close",
        community="first-year-circle",
        author="rhys",
        kind=ACTIVITY,
        title="Calm close: a three-minute end to the lesson",
        summary=md("""
            Three minutes that stop the last-bell stampede: one sentence on what we learned,
            chairs in, and students leave by table when it is quiet.
        """),
        days_ago=19.4,
        duration_minutes=3,
        subjects=("pedagogy", "wellbeing"),
        grade_bands=("k-2", "3-5"),
        content=plan(
            objectives=(
                "End lessons calmly and on time",
                "Give every student a last word on the learning",
            ),
            steps=(
                ("One sentence", 1, "Each table agrees one sentence on what they learned."),
                ("Tidy", 1, "Chairs in, floor checked, table captain gives a thumbs up."),
                ("Leave by table", 1, "Quietest table leaves first."),
            ),
            ell="Sentence starter on the board: 'Today we learned that…'.",
        ),
        tried=(
            T(
                "sophie",
                5.35,
                "Grade 3 (placement)",
                22,
                4,
                worked="My mentor teacher asked to borrow it.",
                grade_band="3-5",
            ),
        ),
    ),
    ResourceSpec(
        key="positive-call-home",
        community="first-year-circle",
        author="kevin",
        kind=TEMPLATE,
        title="Positive phone call home: script and log",
        summary=md("""
            A short script for calling families with good news, and a log so every student gets
            one call by half term. The first call to a family should never be about a problem.
        """),
        days_ago=12.1,
        subjects=("pedagogy",),
        grade_bands=("6-8", "9-12"),
        content=plan(
            objectives=("Call every family with good news once per term",),
            materials=("Call log (class list with date and note columns)",),
            steps=(
                (
                    "The script",
                    3,
                    """
                    "Hello, this is Mr Tran, Maya's science teacher. Nothing's wrong — I'm
                    calling because Maya explained her experiment brilliantly today…"
                    """,
                ),
                ("Log it", 1, "Date, what you said, anything the family told you."),
            ),
            ell="Note the family's preferred language in the log and use an interpreter line if the school has one.",
        ),
        tried=(
            T(
                "sam",
                4.25,
                "Year 7",
                30,
                5,
                worked="Three calls on Friday. One dad said it was the first good call he'd had in six years.",
                grade_band="6-8",
            ),
            T(
                "megan",
                9.6,
                "Year 8",
                27,
                5,
                worked="Used it for emails too for families who prefer them.",
                grade_band="6-8",
            ),
        ),
    ),
)

# --- Early literacy ------------------------------------------------------------------------

EARLY_LITERACY = (
    ResourceSpec(
        key="interactive-read-aloud",
        community="early-literacy",
        author="rosa",
        kind=LESSON,
        title="Interactive read-aloud: asking and answering questions about key details",
        summary=md("""
            A read-aloud routine for grade 1 with three planned stopping points, turn-and-talk
            at each, and a simple "who, where, what happened" anchor chart. Works with any
            picture book with a clear problem.
        """),
        days_ago=37.65,
        duration_minutes=30,
        subjects=("literacy", "english-language-arts"),
        grade_bands=("k-2",),
        alignments=(
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.RL.1.1",
                "Ask and answer questions about the key details of a story.",
            ),
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.SL.1.1",
                "Take part in conversations with partners, taking turns and building on what "
                "others say.",
            ),
        ),
        content=plan(
            objectives=(
                "Ask and answer who, where and what-happened questions about a story",
                "Turn and talk with a partner using a sentence frame",
            ),
            materials=(
                "A picture book with a clear problem and solution",
                "Sticky notes marking three stopping points",
                "Anchor chart: Who? Where? What happened?",
            ),
            steps=(
                (
                    "Book walk",
                    5,
                    "Look at the cover and two pictures. 'Who do you think this story is about?'",
                ),
                (
                    "Read with three stops",
                    15,
                    """
                    Stop 1 (characters): "Who is in the story so far?" Stop 2 (problem): "What
                    went wrong?" Stop 3 (solution): "How did they fix it?" Turn and talk at
                    each stop, then take two answers.
                    """,
                ),
                (
                    "Anchor chart",
                    7,
                    "Fill in the chart together with the children's words, not yours.",
                ),
                (
                    "Ask your own",
                    3,
                    "Each child asks a partner one question about the story.",
                ),
            ),
            ell="""
                Show a picture card for **who**, **where** and **what happened**. Accept
                answers in the child's home language and restate them in English.
            """,
            sped="""
                Give a choice of two picture answers at each stop. Seat children who need it
                close to the book.
            """,
            extension="Ask 'why' questions: why did the character do that? How do you know?",
            assessment="Listen in on three pairs at each stop and note who answers with a detail from the book.",
        ),
        edits=(
            EditSpec(
                days_after=4,
                note="Added picture cards for who / where / what happened for multilingual learners.",
                changes={
                    "content": {
                        "materials": [
                            "A picture book with a clear problem and solution",
                            "Sticky notes marking three stopping points",
                            "Anchor chart: Who? Where? What happened?",
                            "Picture cards for who, where and what happened",
                        ]
                    }
                },
            ),
        ),
        tried=(
            T(
                "chiamaka",
                5.1,
                "Primary 1",
                44,
                5,
                worked="Turn-and-talk worked even with forty-four children on the mat; the stops kept them with me.",
                adapted="Used a Nigerian folktale picture book; children told me the problem before I asked.",
                grade_band="k-2",
            ),
            T(
                "jonalyn",
                10.45,
                "Grade 1",
                38,
                4,
                worked="The picture cards helped my Tagalog-first readers answer in English.",
                grade_band="k-2",
            ),
        ),
    ),
    ResourceSpec(
        key="sound-boxes",
        community="early-literacy",
        author="chiamaka",
        kind=LESSON,
        title="Sound boxes for CVC words with bottle tops (for large classes)",
        summary=md("""
            Elkonin sound boxes for forty-plus children with no printed resources: boxes
            chalked on slates or drawn on paper, bottle tops as counters, and a call-and-
            response routine that keeps every child segmenting.
        """),
        days_ago=30.3,
        duration_minutes=20,
        subjects=("literacy",),
        grade_bands=("early-years", "k-2"),
        alignments=(
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.RF.K.2.D",
                "Hear and say the first, middle and last sounds in three-sound words.",
            ),
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.RF.1.2.D",
                "Break a one-syllable spoken word into each of its sounds.",
            ),
        ),
        content=plan(
            objectives=(
                "Segment CVC words into three sounds",
                "Match each sound to a box, left to right",
            ),
            materials=(
                "Three boxes drawn on slates or paper (one per child)",
                "Three bottle tops per child",
                "Word list: cat, sun, pig, hop, bed, map, leg, dog",
            ),
            steps=(
                ("Listen", 3, "Say a word slowly. Children repeat it, stretching the sounds."),
                (
                    "Push the sounds",
                    10,
                    """
                    Children push one bottle top into a box for each sound. Teacher calls
                    "first sound?", children answer together and touch the first top.
                    """,
                ),
                (
                    "Write it",
                    7,
                    "Swap bottle tops for letters: children write the letter for each sound in the boxes.",
                ),
            ),
            ell="Start with words children know in English; show a picture for each word.",
            sped="Use two boxes (consonant-vowel) first, then three.",
            extension="Four-sound words with blends: stop, flag, milk.",
            assessment="Walk the rows: one glance at each slate shows who has three tops in three boxes.",
        ),
        tried=(
            T(
                "jonalyn",
                6.8,
                "Kindergarten",
                40,
                5,
                worked="Bottle tops! Free, and the children love the click. Everyone segmented at once.",
                grade_band="k-2",
            ),
            T(
                "chloe",
                9.35,
                "Kindergarten (Foundation)",
                22,
                4,
                worked="Worked well with my EAL/D group; the pictures carried the meaning.",
                change_next="Small class, so I added a partner-check step.",
                grade_band="k-2",
            ),
            T(
                "rhys",
                14.25,
                "Reception",
                28,
                4,
                worked="Used as a five-minute warm-up before phonics; kept the call and response.",
                grade_band="early-years",
            ),
        ),
    ),
    ResourceSpec(
        key="two-language-word-wall",
        community="early-literacy",
        author="jonalyn",
        kind=ACTIVITY,
        title="Two-language word wall with picture cards (Tagalog and English)",
        summary=md("""
            Children sort picture cards into categories (family, food, school, weather) and
            label each with the word in both languages. The wall grows all term and becomes the
            class dictionary.
        """),
        days_ago=22.7,
        duration_minutes=25,
        subjects=("literacy", "ell"),
        grade_bands=("k-2",),
        language="en",
        alignments=(
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.L.1.5.A",
                "Sort words into groups such as colours or clothing to understand the ideas the "
                "groups stand for.",
            ),
        ),
        content=plan(
            objectives=("Sort words into categories", "Name each picture in two languages"),
            materials=("Picture cards", "Category headers in both languages", "Wall space"),
            steps=(
                ("Sort", 10, "Groups sort ten picture cards under the category headers."),
                (
                    "Two words",
                    10,
                    "Children say each word in Tagalog and English; the teacher writes both on the card.",
                ),
                ("Add to the wall", 5, "Each group places its cards."),
            ),
            ell="This is the point of the activity: home language is a resource, not a crutch.",
            sped="Fewer categories (two or three) and cards with real photographs.",
            extension="Add a third language if anyone in the class speaks one.",
            assessment="Point to five cards at random; each child names them in either language.",
        ),
        tried=(
            T(
                "aroha",
                7.6,
                "Year 1 (bilingual unit)",
                24,
                5,
                worked="Did it with te reo Māori and English. Whānau added words at pick-up.",
                adapted="Māori instead of Tagalog; families contributed cards.",
                grade_band="k-2",
            ),
        ),
    ),
)

# --- Riverside USD science department ------------------------------------------------------

RIVERSIDE_SCIENCE = (
    ResourceSpec(
        key="tree-mass",
        community="riverside-science",
        author="grace",
        kind=LESSON,
        title="Where does a tree's mass come from? A photosynthesis explanation",
        summary=md("""
            Students commit to an answer (soil? water? air?), look at van Helmont's willow
            data and a bean-plant mass experiment, and write a claim–evidence–reasoning
            explanation: most of a plant's mass comes from carbon dioxide in the air.
        """),
        days_ago=35.2,
        duration_minutes=100,
        subjects=("science",),
        grade_bands=("6-8",),
        alignments=(
            (
                NGSS,
                "MS-LS1-6",
                "Explain with evidence how photosynthesis moves matter and energy into and out "
                "of living things.",
            ),
        ),
        content=plan(
            objectives=(
                "State where most of a plant's added mass comes from",
                "Use data as evidence in a written explanation",
                "Connect the photosynthesis equation to the data",
            ),
            materials=(
                "Van Helmont willow data card",
                "Bean plants grown for three weeks (wet and dried masses)",
                "CER writing frame",
            ),
            steps=(
                (
                    "Commit",
                    10,
                    "A 200 kg tree grew from a 1 kg seed. Where did the 199 kg come from? Students vote and write one sentence.",
                ),
                (
                    "Van Helmont's willow",
                    20,
                    "Groups analyse the five-year data: the tree gained 74 kg while the soil lost about 57 g.",
                ),
                (
                    "Bean plant masses",
                    25,
                    "Compare wet and dried masses of plants grown in light and dark.",
                ),
                (
                    "The equation as a story",
                    15,
                    "Trace each atom of carbon in 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂.",
                ),
                ("Write the explanation", 30, "CER paragraph using both data sets."),
            ),
            ell='CER frame with sentence starters: "I claim that…", "The data show…".',
            sped="Provide a partially completed data table and a word bank.",
            extension="Where does the mass go when a log burns? Design a question to test it.",
            assessment="Score the CER paragraph with the department's 3-point rubric.",
        ),
        edits=(
            EditSpec(
                days_after=7,
                note="Added Spanish sentence starters to the CER frame after Miguel's class.",
                changes={
                    "content": {
                        "differentiation": {
                            "ell": md("""
                                CER frame with sentence starters in English and Spanish: "I
                                claim that… / Afirmo que…", "The data show… / Los datos
                                muestran…".
                            """),
                            "sped": "Provide a partially completed data table and a word bank.",
                            "extension": (
                                "Where does the mass go when a log burns? "
                                "Design a question to test it."
                            ),
                        }
                    }
                },
            ),
        ),
        tried=(
            T(
                "kevin",
                4.1,
                "Grade 7",
                29,
                5,
                worked="Nearly every student voted 'soil'. The willow data did the teaching for me.",
                grade_band="6-8",
            ),
            T(
                "miguel",
                6.45,
                "Grade 9 biology (ELD section)",
                26,
                4,
                worked="The bilingual CER frame helped; Spanish starters are now in the resource.",
                grade_band="9-12",
            ),
        ),
    ),
    ResourceSpec(
        key="cloud-in-a-bottle",
        community="riverside-science",
        author="kevin",
        kind=LESSON,
        title="Cloud in a bottle: modelling the water cycle",
        summary=md("""
            Students make a cloud in a plastic bottle, then use what they saw to revise a
            water-cycle model that shows the sun's energy and gravity driving the movement of
            water.
        """),
        days_ago=25.55,
        duration_minutes=50,
        subjects=("science",),
        grade_bands=("6-8",),
        alignments=(
            (
                NGSS,
                "MS-ESS2-4",
                "Model how water cycles through Earth's systems, powered by the sun's energy "
                "and by gravity.",
            ),
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.RST.6-8.3",
                "Follow a multistep procedure exactly when carrying out an experiment.",
            ),
        ),
        content=plan(
            objectives=(
                "Explain condensation in terms of pressure and temperature",
                "Revise a water-cycle model using evidence from a demonstration",
            ),
            materials=(
                "Clear 2-litre bottles with caps",
                "Warm water",
                "Matches (teacher only) or a bike pump with a bottle stopper",
                "Safety goggles",
            ),
            steps=(
                ("Initial model", 10, "Students draw the water cycle from memory."),
                (
                    "Make a cloud",
                    15,
                    """
                    Warm water in the bottle, a puff of smoke, squeeze and release. Record what
                    happens when pressure drops.
                    """,
                ),
                (
                    "Explain it",
                    10,
                    "Why did the cloud appear when the pressure dropped? Link to rising air cooling.",
                ),
                (
                    "Revise the model",
                    15,
                    "Add arrows for energy from the sun and for gravity; use a different colour.",
                ),
            ),
            ell="Label a diagram of the bottle with evaporation, condensation, pressure, temperature.",
            sped="Pre-drawn model outline; students add arrows only.",
            extension="Why do clouds form over mountains? Use the bottle to explain.",
            assessment="Compare initial and revised models; look for the sun and gravity arrows.",
        ),
        tried=(
            T(
                "grace",
                5.8,
                "Grade 6",
                31,
                4,
                worked="The bike-pump version worked without smoke, which our site prefers.",
                adapted="Bike pump and rubber stopper instead of a match.",
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="ecosystems-unit",
        community="riverside-science",
        author="lena",
        kind=UNIT,
        title="Unit: matter and energy in ecosystems (three weeks, grade 7)",
        summary=md("""
            The district's shared grade 7 unit, built around one phenomenon: a sealed jar
            ecosystem that has lived for years. Eleven lessons, two labs, a common assessment
            and the pacing every site agreed to.
        """),
        days_ago=40.85,
        duration_minutes=15 * 50,
        subjects=("science",),
        grade_bands=("6-8",),
        alignments=(
            (
                NGSS,
                "MS-LS2-3",
                "Model how matter cycles and energy flows among the living and non-living parts "
                "of an ecosystem.",
            ),
            (
                NGSS,
                "MS-LS1-6",
                "Explain with evidence how photosynthesis moves matter and energy into and out "
                "of living things.",
            ),
        ),
        content=plan(
            objectives=(
                "Explain how a sealed jar ecosystem keeps going",
                "Model the cycling of matter and flow of energy in an ecosystem",
                "Use food webs to predict the effect of a change",
            ),
            materials=(
                "Sealed jar ecosystems (one per class)",
                "Unit slide deck and student packet",
                "Common assessment (see 'Assessment' space)",
            ),
            steps=(
                (
                    "Week 1: the jar",
                    250,
                    "Phenomenon, questions board, photosynthesis and respiration labs.",
                ),
                ("Week 2: food webs", 250, "Producers, consumers, decomposers; energy pyramids."),
                (
                    "Week 3: models and assessment",
                    250,
                    "Revise the jar model; common assessment on day 14.",
                ),
            ),
            ell="Every lesson has a Spanish glossary and sentence frames in the packet.",
            sped="Packet comes in a reduced-text version; IEP accommodations apply to the common assessment.",
            extension="Design a jar that would fail, and explain why.",
            assessment="Common assessment, day 14; calibration meeting the week after.",
        ),
    ),
    ResourceSpec(
        key="chemical-reaction-assessment",
        community="riverside-science",
        author="miguel",
        kind=ASSESSMENT,
        title="Common assessment: has a chemical reaction happened?",
        summary=md("""
            A 35-minute common assessment with data tables from four mixtures. Students decide
            whether a new substance formed and justify it with properties. Includes the
            scoring guide the department calibrated.
        """),
        days_ago=16.4,
        duration_minutes=35,
        subjects=("science",),
        grade_bands=("6-8",),
        alignments=(
            (
                NGSS,
                "MS-PS1-2",
                "Use data on the properties of substances before and after they interact to "
                "decide whether a chemical reaction happened.",
            ),
        ),
        content=plan(
            objectives=("Use properties as evidence of a new substance",),
            materials=("Assessment booklet", "Scoring guide"),
            steps=(
                ("Part A", 15, "Four data tables: density, melting point, solubility, colour."),
                ("Part B", 20, "Written explanation for one mixture, scored 0–3."),
            ),
            ell="Glossary of property words allowed; read-aloud of questions on request.",
            sped="Extended time and a reduced number of tables per IEP.",
            assessment="""
                Scoring guide: 3 = names two changed properties and says a new substance formed;
                2 = one property; 1 = claim only; 0 = no claim.
            """,
        ),
        tried=(
            T(
                "grace",
                3.35,
                "Grade 8",
                30,
                4,
                worked="Calibration was quick because the scoring guide is so concrete.",
                grade_band="6-8",
            ),
            T(
                "darnell",
                8.25,
                "Grade 9 chemistry",
                28,
                3,
                worked="Good pre-assessment for my 9th graders.",
                change_next="Too easy for high school as written; I'd add a gas-volume table.",
                grade_band="9-12",
            ),
        ),
    ),
    ResourceSpec(
        key="review-phet",
        community="riverside-science",
        author="lena",
        kind=TOOL,
        title="PhET simulations: our department's default for virtual labs",
        summary=md("""
            Free simulations from the University of Colorado Boulder. No accounts, no ads, runs
            offline, and the most inclusive design features of any simulation we use.
        """),
        days_ago=9.1,
        subjects=("science", "mathematics"),
        grade_bands=("6-8", "9-12"),
        content=review(
            tool_name="PhET Interactive Simulations",
            tool_url="https://phet.colorado.edu/",
            cost_model="free",
            platforms=("web", "chromebook", "windows", "macos", "linux", "ios", "android"),
            grade_suitability="Grades 3–12 and college; most sims target 6–12.",
            data_collected="None from students; no log-in.",
            student_accounts="none",
            privacy_notes="""
                Students open a link and play: nothing to sign, nothing to approve. That made
                district approval a five-minute conversation.
            """,
            accessibility_notes="""
                Many simulations have keyboard navigation, interactive descriptions for screen
                readers and sound that follows what changes. Check the "inclusive features"
                filter when you pick one.
            """,
            ratings={
                "ease_of_use": 5,
                "learning_impact": 4,
                "accessibility": 5,
                "privacy": 5,
                "value": 5,
            },
        ),
        tried=(
            T(
                "darnell",
                2.6,
                "Grade 10 physics",
                30,
                5,
                worked="Forces and Motion: Basics before the fan-cart lab; students predicted better.",
                grade_band="9-12",
            ),
        ),
    ),
)

# --- Global classroom connections ----------------------------------------------------------

GLOBAL_CLASSROOMS = (
    ResourceSpec(
        key="rainfall-exchange",
        community="global-classroom-connections",
        author="sam",
        kind=UNIT,
        title="Rainfall in Manchester and Kisumu: a six-week data exchange",
        summary=md("""
            Two classes in two countries measure rainfall with home-made gauges, share the
            data every Friday, and compare the two data sets with dot plots and medians. The
            unit Otieno's class and mine taught together last spring.
        """),
        days_ago=39.65,
        duration_minutes=6 * 60,
        subjects=("mathematics", "geography", "global-citizenship"),
        grade_bands=("6-8",),
        alignments=(
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.6.SP.B.4",
                "Show numerical data on a number line with dot plots, histograms and box plots.",
            ),
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.6.SP.B.5",
                "Summarise a data set in its context: how it was measured, its centre and its "
                "spread.",
            ),
            (
                NGSS,
                "MS-ESS2-5",
                "Collect data to show how moving air masses cause changes in the weather.",
            ),
            (
                ISTE,
                "ISTE.S.1.7.A",
                "Use digital tools to connect with learners of other backgrounds and cultures.",
            ),
        ),
        content=plan(
            objectives=(
                "Measure and record rainfall consistently",
                "Compare two data sets with dot plots, medians and ranges",
                "Explain differences using what students learn about each other's climate",
            ),
            materials=(
                "Two-litre bottles, rulers and tape for gauges",
                "Shared spreadsheet with one tab per school",
                "Video call every second Friday (time zones: UTC+0 / UTC+3)",
            ),
            steps=(
                (
                    "Week 1: build and agree",
                    60,
                    "Build gauges; agree the reading time and units with the partner class.",
                ),
                (
                    "Weeks 2–4: collect",
                    150,
                    "Daily readings; Friday upload and a short video message.",
                ),
                ("Week 5: compare", 90, "Dot plots, medians and ranges for both cities."),
                ("Week 6: present", 60, "Joint call: each class explains the other city's data."),
            ),
            ell="Data tables carry most of the meaning; short video messages can be in any language with subtitles.",
            sped="Give a partly completed dot plot; reading the gauge can be a paired job.",
            extension="Find ten years of rainfall data for both cities and say whether this term was typical.",
            assessment="A one-page comparison written for the partner class.",
            links=(("Shared data template", "https://example.org/global/rainfall-template"),),
        ),
        tried=(
            T(
                "otieno",
                2.1,
                "Grade 7",
                48,
                5,
                worked="My students measured more carefully once they knew a class in England was waiting for their numbers.",
                setting=HYBRID,
                grade_band="6-8",
            ),
            T(
                "wanjiru",
                16.45,
                "Form 1",
                45,
                4,
                worked="Paired with a school in Nairobi instead; still worked.",
                change_next="Our long rains started in week 3; plan the dates around the seasons.",
                grade_band="9-12",
            ),
            T(
                "ana",
                22.8,
                "7º ano",
                33,
                4,
                worked="Rio vs. Manaus within Brazil: surprising differences for students.",
                setting=HYBRID,
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="letter-exchange",
        community="global-classroom-connections",
        author="yuki",
        kind=TEMPLATE,
        title="Letter exchange starter pack: first-letter template and safeguarding checklist",
        summary=md("""
            Everything for the first round of a class-to-class letter exchange: a first-letter
            template students fill in, a safeguarding checklist for teachers, and a timeline
            that survives the post.
        """),
        days_ago=28.3,
        subjects=("world-languages", "global-citizenship"),
        grade_bands=("3-5", "6-8"),
        alignments=(
            (
                ISTE,
                "ISTE.S.1.7.A",
                "Use digital tools to connect with learners of other backgrounds and cultures.",
            ),
        ),
        content=plan(
            objectives=("Write a first letter to a partner student", "Keep personal details safe"),
            materials=("First-letter template", "Safeguarding checklist", "Exchange timeline"),
            steps=(
                ("Plan", 15, "Students fill in the template: name, age, a hobby, a question."),
                (
                    "Check",
                    10,
                    "Teacher checklist: first names only, no addresses, no photos of faces.",
                ),
                ("Send", 5, "Scan and email through the teachers, or post the originals."),
            ),
            ell="The template has picture prompts and a bilingual phrase bank.",
            extension="Add a paragraph about a local festival.",
        ),
        tried=(
            T(
                "diego",
                6.35,
                "2º de secundaria",
                36,
                5,
                worked="My students in Puebla and Yuki's in Osaka are on letter three.",
                setting=HYBRID,
                grade_band="6-8",
            ),
            T(
                "julien",
                12.25,
                "5e",
                28,
                4,
                worked="The safeguarding checklist reassured our head teacher.",
                grade_band="6-8",
            ),
        ),
    ),
    ResourceSpec(
        key="school-day-compare",
        community="global-classroom-connections",
        author="julien",
        kind=LESSON,
        title="Same day, different places: comparing a school day across countries",
        summary=md("""
            Partner classes each film a two-minute "day in our school", then compare
            timetables, lunches and journeys to school, and explain the differences with
            geography and history rather than "weird".
        """),
        days_ago=15.7,
        duration_minutes=55,
        subjects=("geography", "history", "global-citizenship"),
        grade_bands=("6-8",),
        alignments=(
            (
                ISTE,
                "ISTE.S.1.7.A",
                "Use digital tools to connect with learners of other backgrounds and cultures.",
            ),
        ),
        content=plan(
            objectives=(
                "Describe a school day in another country",
                "Explain one difference using geography or history",
            ),
            materials=("Partner class video", "Comparison grid"),
            steps=(
                ("Watch", 10, "Watch the partner video twice; note three surprises."),
                ("Compare", 20, "Fill in the grid: start time, lunch, subjects, journey."),
                ("Explain", 20, "Groups research one difference and explain it."),
                ("Reply", 5, "Record questions for the partner class."),
            ),
            ell="Comparison grid with icons; the partner video has subtitles in both languages.",
            sped="Give a grid with two rows already filled in and fewer categories.",
            extension="Interview a grandparent about their school day and add a third column.",
            assessment="""
                Each group's explanation: does it name a reason from geography or history (the
                climate, the harvest calendar, a law) rather than calling the difference
                strange?
            """,
        ),
    ),
)

# --- Assessment for learning -------------------------------------------------------------

ASSESSMENT_FOR_LEARNING = (
    ResourceSpec(
        key="fraction-hinge-questions",
        community="assessment-for-learning",
        author="eleanor",
        kind=ASSESSMENT,
        title="Hinge questions for comparing fractions, with every wrong answer explained",
        summary=md("""
            Eight multiple-choice hinge questions on comparing and adding fractions. Every
            wrong option matches a known misconception, so the answers tell you *why* a student
            is wrong, not just who.
        """),
        days_ago=34.2,
        duration_minutes=10,
        subjects=("mathematics", "pedagogy"),
        grade_bands=("3-5", "6-8"),
        alignments=(
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.4.NF.A.2",
                "Compare two fractions with different numerators and denominators, and justify "
                "the comparison.",
            ),
            (
                CCSS_MATH,
                "CCSS.MATH.CONTENT.5.NF.A.1",
                "Add and subtract fractions with unlike denominators by finding equivalent "
                "fractions.",
            ),
        ),
        content=plan(
            objectives=("Find out in one minute which misconception each student holds",),
            materials=("Question slides", "ABCD cards or mini whiteboards"),
            steps=(
                (
                    "Ask",
                    1,
                    "Which is bigger, 3/4 or 4/5? (A) 3/4 (B) 4/5 (C) they are equal (D) you can't tell",
                ),
                (
                    "Scan and decide",
                    1,
                    """
                    Everyone shows at once. Mostly B: move on. Many A: go to the fraction
                    wall. Many C: compare the gaps to one whole on a number line.
                    """,
                ),
            ),
            assessment="""
                | Wrong answer | Misconception | Next move |
                |---|---|---|
                | A | "fifths are smaller pieces, so 4/5 is smaller": looks at piece size only | fraction wall |
                | C | "both are one piece away from a whole": gap thinking | number line, gaps of 1/4 and 1/5 |
                | D | thinks different denominators can't be compared | common denominators |
            """,
            ell="Read each question aloud and show the fractions as pictures as well as numbers.",
            sped="Fraction strips on the desk for every question; answer by pointing at a card.",
            extension="Write a fifth option that would catch a misconception not yet in the table.",
        ),
        tried=(
            T(
                "aino",
                5.6,
                "4. luokka",
                22,
                5,
                worked="Option A caught half my class. We went straight to the fraction wall.",
                grade_band="3-5",
            ),
            T(
                "liam",
                8.1,
                "Year 7",
                28,
                4,
                worked="The misconception table is the best part; my whole department uses it now.",
                grade_band="6-8",
            ),
            T(
                "kenji",
                13.45,
                "Grade 5",
                34,
                5,
                worked="Used two questions per lesson for a week. Lesson study group discussed the results.",
                grade_band="3-5",
            ),
        ),
    ),
    ResourceSpec(
        key="exit-ticket-321",
        community="assessment-for-learning",
        author="aino",
        kind=TEMPLATE,
        title="Exit ticket: 3-2-1 with a confidence scale",
        summary=md("""
            Three things I learned, two questions I still have, one thing I'll try, and a
            1–4 confidence scale. Printable half-page; takes four minutes, sorts in two.
        """),
        days_ago=23.55,
        duration_minutes=4,
        subjects=("pedagogy",),
        grade_bands=("3-5", "6-8", "9-12"),
        content=plan(
            objectives=("Collect evidence of learning at the end of every lesson",),
            materials=("Half-page exit ticket",),
            steps=(
                ("Write", 3, "Students fill in 3-2-1 and circle their confidence."),
                ("Sort", 2, "Teacher sorts tickets by confidence, then reads the questions."),
            ),
            ell="Allow drawings for the 'three things'.",
            sped="Reduce to 1-1-1 for students who need it.",
        ),
        tried=(
            T(
                "chloe",
                4.8,
                "Year 2",
                24,
                4,
                worked="Reduced to 1-1-1 with pictures; my Year 2s manage it in three minutes.",
                grade_band="k-2",
            ),
            T(
                "camille",
                7.35,
                "CP",
                25,
                4,
                worked="Translated into French; the confidence smileys work at any age.",
                grade_band="k-2",
            ),
        ),
    ),
    ResourceSpec(
        key="peer-feedback-gallery",
        community="assessment-for-learning",
        author="fatima",
        kind=LESSON,
        title="Peer feedback on argument essays with a gallery walk",
        summary=md("""
            Students post their draft arguments around the room, give feedback with a
            three-criterion rubric on sticky notes, then revise. Feedback is specific because
            the rubric criteria are on every note.
        """),
        days_ago=18.85,
        duration_minutes=60,
        subjects=("english-language-arts", "pedagogy"),
        grade_bands=("9-12",),
        alignments=(
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.W.9-10.1",
                "Write arguments that support claims with valid reasoning and enough relevant "
                "evidence.",
            ),
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.W.9-10.5",
                "Improve writing by planning, revising, editing and rewriting, with attention "
                "to purpose and audience.",
            ),
        ),
        content=plan(
            objectives=(
                "Give specific feedback against three criteria",
                "Revise a draft using peer feedback",
            ),
            materials=("Draft essays", "Sticky notes in three colours", "Rubric card"),
            steps=(
                ("Model", 10, "Teacher models feedback on an anonymous essay."),
                (
                    "Gallery walk",
                    25,
                    "Each student gives feedback on three essays: one note per colour.",
                ),
                ("Revise", 20, "Students choose two notes to act on."),
                ("Reflect", 5, "Which note helped most, and why?"),
            ),
            ell="Sentence stems per criterion: 'Your claim would be clearer if…'.",
            sped="Assign essays to review rather than free choice.",
            extension="Write a counter-argument paragraph for one essay you read.",
            assessment="Compare draft and revision for the two notes the student chose.",
        ),
        tried=(
            T(
                "miguel",
                7.25,
                "Grade 10 biology",
                26,
                4,
                worked="Used it for lab-report conclusions; the colour coding transferred well.",
                grade_band="9-12",
            ),
        ),
    ),
)

# --- Practitioner inquiry -----------------------------------------------------------------

PRACTITIONER_INQUIRY = (
    ResourceSpec(
        key="action-research-planner",
        community="practitioner-inquiry",
        author="claire",
        kind=TEMPLATE,
        title="Action-research cycle planner: question, evidence, change, reflect",
        summary=md("""
            A four-box planner for one cycle of classroom inquiry, with prompts that keep the
            question small enough to answer in six weeks and the evidence honest.
        """),
        days_ago=32.4,
        subjects=("pedagogy",),
        grade_bands=("k-2", "3-5", "6-8", "9-12", "higher-ed"),
        content=plan(
            objectives=("Plan one six-week cycle of classroom inquiry",),
            materials=("Planner (A3 or digital)",),
            steps=(
                ("Question", 20, "What do I want to understand? Can I answer it in six weeks?"),
                ("Evidence", 20, "What will I collect before and after? Who else will look at it?"),
                ("Change", 10, "What exactly will I do differently?"),
                ("Reflect", 20, "What happened, what surprised me, what next?"),
            ),
            extension="Share your cycle in the 'Inquiry write-ups' space.",
        ),
        tried=(
            T(
                "sophie",
                9.6,
                "Grade 3 French immersion (placement)",
                21,
                5,
                worked="Kept my placement inquiry focused on one question about wait time.",
                grade_band="3-5",
            ),
        ),
    ),
    ResourceSpec(
        key="lesson-study-protocol",
        community="practitioner-inquiry",
        author="kenji",
        kind=ACTIVITY,
        title="Lesson study in one afternoon: a protocol for three teachers",
        summary=md("""
            A compressed version of Japanese lesson study (jugyō kenkyū) for schools without
            release time: plan together at lunch, one teacher teaches, two observe students
            (not the teacher), and debrief after school.
        """),
        days_ago=14.1,
        duration_minutes=180,
        subjects=("pedagogy",),
        grade_bands=("3-5", "6-8", "9-12"),
        content=plan(
            objectives=("Study how students respond to one carefully planned lesson",),
            materials=("Lesson plan with anticipated student responses", "Observation sheets"),
            steps=(
                ("Plan", 45, "Agree the goal and predict three student responses."),
                (
                    "Teach and observe",
                    50,
                    "Observers follow two students each and note their thinking.",
                ),
                (
                    "Debrief",
                    60,
                    "Evidence first: what did students do? Then: what would we change?",
                ),
            ),
            extension="Invite a knowledgeable other from a nearby school for the debrief.",
        ),
        tried=(
            T(
                "joanne",
                6.1,
                "Grade 9 ELA",
                27,
                4,
                worked="Observing students instead of the teacher changed the conversation completely.",
                grade_band="9-12",
            ),
            T(
                "julien",
                10.45,
                "4e",
                26,
                4,
                worked="Done with our history–geography team of three.",
                change_next="Book the debrief room; we ended up in the corridor.",
                grade_band="6-8",
            ),
        ),
    ),
)

# --- Portfolios: public, outside any community --------------------------------------------

PORTFOLIOS = (
    ResourceSpec(
        key="isizulu-english-phonics",
        community=None,
        author="thandiwe",
        kind=LESSON,
        title="Bridging isiZulu and English phonics: sounds that transfer and sounds that don't",
        summary=md("""
            For grade 1 learners who read in isiZulu first: a lesson that sorts English
            letter-sounds into "same as isiZulu", "similar" and "new", so children spend their
            practice time on the new ones.
        """),
        days_ago=29.65,
        duration_minutes=30,
        subjects=("literacy", "ell"),
        grade_bands=("k-2",),
        alignments=(
            (
                CCSS_ELA,
                "CCSS.ELA-LITERACY.RF.1.3.B",
                "Decode regularly spelled one-syllable words.",
            ),
        ),
        content=plan(
            objectives=(
                "Identify English sounds that work the same way in isiZulu",
                "Practise the English sounds that are new",
            ),
            materials=("Three sorting mats", "Letter cards", "Picture cards from both languages"),
            steps=(
                (
                    "Warm-up",
                    5,
                    "Sing the isiZulu vowel song, then the English one. What's the same?",
                ),
                ("Sort the sounds", 15, "Groups sort letter cards onto 'same', 'similar', 'new'."),
                (
                    "Practise the new",
                    10,
                    "Blend three words with the new sounds: ship, thin, chop.",
                ),
            ),
            ell="The whole lesson is built on the home language; let children explain in isiZulu.",
            sped="Work with five letters at a time.",
            extension="Find English words borrowed from isiZulu, and isiZulu words borrowed from English.",
            assessment="Each child reads three words with a new sound to the teacher.",
        ),
        tried=(
            T(
                "chiamaka",
                6.8,
                "Primary 1",
                44,
                5,
                worked="Did the same sort for Igbo and English. Children explained the 'new' sounds to each other.",
                adapted="Igbo instead of isiZulu.",
                grade_band="k-2",
            ),
            T(
                "jonalyn",
                11.35,
                "Grade 1",
                38,
                4,
                worked="Tagalog and English version; the 'similar' pile caused the best arguments.",
                adapted="Tagalog instead of isiZulu.",
                grade_band="k-2",
            ),
        ),
    ),
    ResourceSpec(
        key="spanish-scavenger-hunt",
        community=None,
        author="diego",
        kind=ACTIVITY,
        title="Spanish vocabulary scavenger hunt around the school",
        summary=md("""
            Teams get twelve clues in Spanish that lead to places and objects around the
            school, and photograph each with a label. A beginners' vocabulary lesson that gets
            everyone out of their seats.
        """),
        days_ago=20.3,
        duration_minutes=45,
        subjects=("world-languages",),
        grade_bands=("6-8",),
        licence=Licence.CC_BY_NC,
        content=plan(
            objectives=("Recognise twelve school words in Spanish", "Follow simple directions"),
            materials=("Clue cards", "One device per team for photos (or paper labels)"),
            steps=(
                ("Teams and rules", 5, "Teams of three; stay inside the school building."),
                ("Hunt", 30, "Follow the clues: 'Busca algo verde en la biblioteca'."),
                ("Share", 10, "Teams show their best photo and read its label."),
            ),
            ell="Clue cards have a small picture hint on the back.",
            sped="Shorter route with six clues.",
            extension="Teams write two new clues for the next class.",
            assessment="Next lesson: a picture quiz of the twelve words, no clues.",
        ),
        tried=(
            T(
                "yuki",
                5.25,
                "Grade 7 (English as a foreign language)",
                35,
                5,
                worked="Turned it into an English scavenger hunt; it was the loudest, happiest lesson of the term.",
                adapted="English clues instead of Spanish.",
                grade_band="6-8",
            ),
            T(
                "sophie",
                9.6,
                "Grade 4 French immersion (placement)",
                21,
                4,
                worked="French version; the picture hints made it possible for the whole class.",
                adapted="French clues.",
                grade_band="3-5",
            ),
        ),
    ),
)

RESOURCES = (
    *MIDDLE_SCHOOL_MATHS,
    *EDTECH,
    *FIRST_YEAR_CIRCLE,
    *EARLY_LITERACY,
    *RIVERSIDE_SCIENCE,
    *GLOBAL_CLASSROOMS,
    *ASSESSMENT_FOR_LEARNING,
    *PRACTITIONER_INQUIRY,
    *PORTFOLIOS,
)

# --- Remixes: each after its source; licences as the source allows ------------------------

REMIXES = (
    # Paint mixing (CC BY-SA): every adaptation stays CC BY-SA.
    RemixSpec(
        key="paint-ratio-large-class",
        source="paint-ratio",
        community="middle-school-maths",
        author="priya",
        days_ago=30.7,
        note="No paint and 52 students: coloured-card version with groups of six.",
        changes={
            "title": "Paint mixing without paint: ratio language for a class of fifty",
            "summary": md("""
                Sam's paint-mixing lesson for a class of 52 with no paint budget: printed colour
                cards stand in for the mixing, groups of six share a card set, and the argument
                runs on mini whiteboards.
            """),
            "content": {
                "materials": [
                    "Printed colour cards, one set per group of six",
                    "Mini whiteboards (or slates) and chalk",
                    "Exit ticket slips",
                ],
                "steps": [
                    {
                        "title": "Which pink is pinker?",
                        "minutes": 8,
                        "description": "As in the original, with the two mixes drawn as coloured squares.",
                    },
                    {
                        "title": "Card mixing",
                        "minutes": 15,
                        "description": md("""
                            Each group gets cards showing 1 red + 2 white, 2 red + 4 white,
                            3 red + 4 white as squares. They decide which mixes would look the
                            same and write why.
                        """),
                    },
                    {
                        "title": "Ratio language",
                        "minutes": 10,
                        "description": "As in the original.",
                    },
                    {
                        "title": "Exit ticket",
                        "minutes": 7,
                        "description": "As in the original.",
                    },
                ],
            },
        },
        tried=(
            T(
                "marcus",
                5.1,
                "Grade 6",
                34,
                4,
                worked="Good fallback for the day the paint didn't arrive.",
                grade_band="6-8",
            ),
        ),
    ),
    RemixSpec(
        key="paint-ratio-hinge",
        source="paint-ratio-large-class",
        community="assessment-for-learning",
        author="kenji",
        days_ago=22.2,
        note="Added two hinge questions and notes from our lesson study on where students got stuck.",
        changes={
            "title": "Paint mixing with hinge questions: what our lesson study noticed",
            "summary": md("""
                Priya's card version of the paint-mixing lesson with two hinge questions added
                at the points where our lesson-study group saw students go wrong: adding instead
                of multiplying, and reading 2 : 3 as 2 out of 3.
            """),
            "content": {
                "assessment": md("""
                    Hinge 1 (after card mixing): "Does 2 : 3 make the same pink as 3 : 4?
                    (A) yes, both add one (B) no (C) can't tell". A means additive thinking.

                    Hinge 2 (before the exit ticket): "In 2 : 3, what fraction of the paint is
                    red? (A) 2/3 (B) 2/5 (C) 3/5". A means part-to-part read as part-to-whole.
                """),
            },
        },
        tried=(
            T(
                "eleanor",
                3.45,
                "Year 9 (recap)",
                29,
                5,
                worked="Hinge 2 caught a third of my Year 9s. Worth every second.",
                grade_band="9-12",
            ),
        ),
    ),
    RemixSpec(
        key="paint-ratio-year9-recap",
        source="paint-ratio-hinge",
        community="assessment-for-learning",
        author="eleanor",
        days_ago=11.55,
        note="Cut down to a 20-minute Year 9 recap starter built on Kenji's hinge questions.",
        changes={
            "title": "Ratio recap starter for Year 9, built on the paint-mixing hinge questions",
            "summary": md("""
                A 20-minute recap for older students who have met ratio before but still mix up
                part-to-part and part-to-whole: the two hinge questions from Kenji's version,
                each followed by a five-minute fix.
            """),
            "duration_minutes": 20,
            "grade_bands": ("9-12",),
        },
        tried=(
            T(
                "liam",
                4.8,
                "Year 10",
                26,
                4,
                worked="Great starter before proportion; the part-whole fix was quick with a bar model.",
                grade_band="9-12",
            ),
        ),
    ),
    RemixSpec(
        key="paint-ratio-es",
        source="paint-ratio",
        community="middle-school-maths",
        author="lucia",
        days_ago=26.85,
        note="Translated the cards and frames into Spanish, with English ratio words alongside.",
        changes={
            "title": "Mezclas de pintura: primera clase de razones (bilingüe)",
            "summary": md("""
                La clase de Sam sobre razones con mezclas de pintura, traducida al español para
                grupos bilingües. Las palabras clave («por cada», «razón», *for every*) aparecen en
                los dos idiomas.
            """),
            "language": "es",
            "content": plan(
                objectives=(
                    "Describir con palabras y con la notación a : b la relación entre dos cantidades",
                    "Reconocer que dos razones pueden describir la misma mezcla",
                    "Justificar cuál de dos mezclas es más intensa",
                ),
                materials=(
                    "Pintura roja, blanca, azul y amarilla",
                    "Cucharitas y platos de cartón (un juego por equipo de cuatro)",
                    "Pizarras blancas pequeñas y plumones",
                    "Boletos de salida",
                ),
                steps=(
                    (
                        "¿Qué rosa es más rosa?",
                        8,
                        """
                        Muestre dos mezclas: «2 de rojo por 3 de blanco» y «3 de rojo por 5 de
                        blanco». Los alumnos votan en la pizarra y convencen a un compañero.
                        """,
                    ),
                    (
                        "A mezclar",
                        15,
                        """
                        En equipos de cuatro mezclan 1 : 2, 2 : 4 y 3 : 4 en platos de cartón y
                        deciden cuáles *se ven iguales*. Anote sus palabras («el doble de
                        blanco», «por cada rojo hay dos blancos»).
                        """,
                    ),
                    (
                        "El lenguaje de las razones",
                        10,
                        """
                        Presente a : b y las expresiones **por cada** (*for every*), **a** (*to*)
                        y **para cada** (*for each*). Una oración por plato, en los dos idiomas.
                        """,
                    ),
                    (
                        "Resolver la pregunta inicial",
                        10,
                        "Por parejas, con cualquier representación: dibujos, tablas o modelos de barras.",
                    ),
                    (
                        "Boleto de salida",
                        7,
                        "Tres preguntas: una oración con razón, ¿4 : 6 y 2 : 3 dan el mismo verde? y ¿cómo lo sabes?",
                    ),
                ),
                ell="""
                    Tarjetas con las palabras clave en español e inglés en cada mesa. Los alumnos
                    pueden escribir primero en el idioma que prefieran.
                """,
                sped="Cubos ya contados en lugar de pintura; la primera fila de la tabla ya completada.",
                extension="Mezclas de tres colores: ¿puedes hacer el mismo color con 10 cucharadas? ¿Con 12?",
                assessment="""
                    Separe los boletos en tres grupos (logrado, casi, todavía no) y empiece la
                    siguiente clase con el grupo del medio.
                """,
            ),
        },
        tried=(
            T(
                "lucia",
                4.35,
                "6º de primaria",
                38,
                5,
                worked="«Por cada» salió de los alumnos sin que yo lo dijera.",
                grade_band="6-8",
            ),
        ),
    ),
    # Interactive read-aloud (CC BY) → CC BY-NC → CC BY-NC-SA: each may narrow, none widen.
    RemixSpec(
        key="read-aloud-eald",
        source="interactive-read-aloud",
        community="early-literacy",
        author="chloe",
        days_ago=28.4,
        licence=Licence.CC_BY_NC,
        note="Adapted for an EAL/D class in Sydney: gesture cues and a home-language retell.",
        changes={
            "title": "Interactive read-aloud with EAL/D supports: gestures and home-language retell",
            "summary": md("""
                Rosa's read-aloud routine for a Foundation class where most children are
                learning English as an additional language: a gesture for each question word and
                a retell in any language at the end.
            """),
            "content": {
                "differentiation": {
                    "ell": md("""
                        A gesture for each question word (who: point to a person; where: hand
                        over eyes; what happened: hands open). Children retell the story to a
                        partner in any language before the English retell.
                    """),
                    "sped": "Picture choices at each stop, as in the original.",
                    "extension": "Children choose the next stopping point and the question.",
                },
            },
        },
        tried=(
            T(
                "aroha",
                4.25,
                "Year 1",
                24,
                5,
                worked="The gestures worked in te reo Māori too; I'm adapting it for our bilingual unit.",
                grade_band="k-2",
            ),
        ),
    ),
    RemixSpec(
        key="read-aloud-te-reo",
        source="read-aloud-eald",
        # A private community's resources are adapted only inside it.
        community="early-literacy",
        author="aroha",
        days_ago=18.1,
        licence=Licence.CC_BY_NC_SA,
        note="Bilingual te reo Māori and English version for my Year 1 bilingual unit.",
        changes={
            "title": "Pānui pukapuka: a bilingual read-aloud in te reo Māori and English",
            "summary": md("""
                Chloe's EAL/D read-aloud adapted for a Year 1 bilingual unit: the story is read
                in te reo Māori, the questions are asked in both languages, and the anchor
                chart has both.
            """),
            "language": "mi",
        },
        tried=(
            T(
                "rhys",
                5.6,
                "Year 1 (Welsh-medium school)",
                26,
                4,
                worked="Did it in Welsh and English. The bilingual anchor chart is now on our wall.",
                adapted="Welsh instead of te reo Māori.",
                grade_band="k-2",
            ),
        ),
    ),
    # A portfolio activity (CC BY-NC) adapted into another portfolio: stays NonCommercial.
    RemixSpec(
        key="english-scavenger-hunt",
        source="spanish-scavenger-hunt",
        community=None,
        author="yuki",
        days_ago=13.65,
        note="English clues for my EFL classes in Osaka, with a picture hint on every card.",
        changes={
            "title": "English vocabulary scavenger hunt for EFL beginners",
            "summary": md("""
                Diego's Spanish scavenger hunt turned into an English one for Japanese
                lower-secondary students: twelve English clues, picture hints on the back, and
                a phrase bank for asking the way.
            """),
            "content": {
                "steps": [
                    {
                        "title": "Teams and rules",
                        "minutes": 5,
                        "description": "Teams of three; stay inside the school building.",
                    },
                    {
                        "title": "Hunt",
                        "minutes": 30,
                        "description": "Follow the clues: 'Find something green in the library'.",
                    },
                    {
                        "title": "Share",
                        "minutes": 10,
                        "description": "Teams show their best photo and read its label aloud.",
                    },
                ],
            },
        },
        tried=(
            T(
                "marta",
                3.1,
                "6º de primaria (English)",
                25,
                5,
                worked="Worked as written for my Year 6 English class in Valencia.",
                grade_band="3-5",
            ),
        ),
    ),
    RemixSpec(
        key="read-aloud-fr",
        source="interactive-read-aloud",
        community="early-literacy",
        author="camille",
        days_ago=24.3,
        note="Translated for CP classes, with three French picture books that work well.",
        changes={
            "title": "Lecture offerte interactive : questions sur les détails clés",
            "summary": md("""
                La routine de lecture à voix haute de Rosa, en français, pour le CP : trois
                arrêts prévus, un échange avec un camarade à chaque arrêt et une affiche
                « Qui ? Où ? Que s'est-il passé ? ».
            """),
            "language": "fr",
            "content": plan(
                objectives=(
                    "Poser des questions et y répondre sur les détails clés d'une histoire",
                    "Échanger avec un camarade à l'aide d'une phrase modèle",
                ),
                materials=(
                    "Un album avec un problème et une solution clairs (C'est moi le plus fort "
                    "de Mario Ramos, Roule galette, La couleur des émotions d'Anna Llenas)",
                    "Trois marque-pages pour les arrêts",
                    "Affiche : Qui ? Où ? Que s'est-il passé ?",
                    "Cartes images pour qui, où et que s'est-il passé",
                ),
                steps=(
                    (
                        "Découverte de l'album",
                        5,
                        "La couverture et deux images : « De qui parle cette histoire, à ton avis ? »",
                    ),
                    (
                        "Lecture avec trois arrêts",
                        15,
                        """
                        Arrêt 1 (personnages) : « Qui est dans l'histoire ? » Arrêt 2 (problème) :
                        « Qu'est-ce qui ne va pas ? » Arrêt 3 (solution) : « Comment ont-ils
                        fait ? » Échange à deux à chaque arrêt.
                        """,
                    ),
                    ("L'affiche", 7, "On complète l'affiche avec les mots des enfants."),
                    ("À toi de demander", 3, "Chaque enfant pose une question à son voisin."),
                ),
                ell="Cartes images et réponses acceptées dans la langue de la maison, reformulées en français.",
                sped="Choix entre deux images à chaque arrêt.",
                extension="Questions « pourquoi » : pourquoi le personnage a-t-il fait cela ?",
                assessment="Écouter trois binômes à chaque arrêt et noter qui répond avec un détail du livre.",
            ),
        },
    ),
)
