"""The demo discussions: questions, answers, conversations and announcements per community.

Times are relative to loading: ``days_ago`` places a thread's opening post, and each reply's
``hours`` counts from that opening post. People are keys of ``PEOPLE``; every author, reactor
and voter is an active member of the thread's community, and joined it before they post.
A body mentions people by the handles their names give them (Liam O'Brien is
``@liam_obrien``), and only members of the thread's community, so every mention links and
notifies.
"""

import re
import textwrap
from dataclasses import dataclass

from staffroom.discussions.models import ThreadKind

_BLOCK_START = re.compile(r"(?:[-*+] |\d+[.)] |>|\||#{1,6} )")


def md(text: str) -> str:
    """Dedent Markdown and join hard-wrapped lines; list items, quotes and rows stay lines."""
    blocks = []
    for block in textwrap.dedent(text).strip().split("\n\n"):
        lines: list[str] = []
        for line in (raw.strip() for raw in block.splitlines()):
            if lines and _continues(lines[-1], line):
                rest = line[1:].strip() if line.startswith(">") else line
                lines[-1] = f"{lines[-1]} {rest}"
            else:
                lines.append(line)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _continues(previous: str, line: str) -> bool:
    """Whether a source line only carries on the sentence of the line before it."""
    if line.startswith(">"):
        inner = line[1:].strip()
        return (
            previous.startswith(">")
            and previous != ">"
            and bool(inner)
            and not _BLOCK_START.match(inner)
        )
    return not _BLOCK_START.match(line) and not previous.startswith("|")


@dataclass(frozen=True)
class ReplySpec:
    author: str
    # Hours after the thread's opening post.
    hours: float
    body: str
    # The context label the asker gives when accepting this answer; None if not accepted.
    accepted: str | None = None
    thanks: tuple[str, ...] = ()
    tried: tuple[str, ...] = ()
    # People who vote the answer up (questions only).
    votes: tuple[str, ...] = ()
    # A picture drawn at load time (a key of ``staffroom.demo.images.DRAWINGS``) attached to
    # the post, and what it shows for people who cannot see it.
    image: str | None = None
    image_description: str = ""


@dataclass(frozen=True)
class ThreadSpec:
    space: str
    kind: str
    author: str
    title: str
    days_ago: float
    body: str
    replies: tuple[ReplySpec, ...] = ()
    thanks: tuple[str, ...] = ()
    tried: tuple[str, ...] = ()
    pinned: bool = False
    subjects: tuple[str, ...] = ()
    grade_bands: tuple[str, ...] = ()
    # Names of the community's tags (see ``CommunitySpec.tags``).
    tags: tuple[str, ...] = ()
    # As on replies: a drawing attached to the opening post, and its description.
    image: str | None = None
    image_description: str = ""


R = ReplySpec
DISCUSSION = ThreadKind.DISCUSSION
QUESTION = ThreadKind.QUESTION
ANNOUNCEMENT = ThreadKind.ANNOUNCEMENT


MIDDLE_SCHOOL_MATHS = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="marcus",
        title="Welcome, new members — and four habits that make this place work",
        days_ago=38.2,
        pinned=True,
        body=md("""
            Hi all, and a special welcome to everyone who joined in the last few weeks. We're now
            big enough that a few habits really matter, so here they are:

            1. **Say what you teach.** "Grade 7, Ohio" or "Year 8, NZ curriculum" in your
               first line saves three replies asking.
            2. **Credit the source** of any task you share, even if it's "a colleague in my
               department". Lots of great tasks come from
               [the open task collection](https://example.org/maths/open-tasks).
            3. **Accept the answer that worked**, and add a context label ("for grade 6",
               "large classes", "no calculators") so the next person knows when it applies.
               You can accept more than one.
            4. **Come back and tell us.** The "I tried this" button is the best thank-you in
               this community. A two-line "here's how it went" reply is even better.

            Questions from first-year teachers are exactly what this place is for. Nobody
            here was born knowing how to teach negative numbers.

            Marcus
        """),
        thanks=("megan", "lucia", "kenji"),
        replies=(
            R(
                "megan",
                5,
                md("""
                    Kia ora! Megan here, beginning teacher in Christchurch, Year 8 maths and
                    science. I've been lurking for a month and stealing everything. Consider
                    this my first step out of the shadows.
                """),
                thanks=("marcus",),
            ),
            R(
                "lucia",
                9,
                md("""
                    Hola a todos. I teach secundaria (ages 12–15) in Puebla. My English is
                    good for reading but slower for writing — is it OK if sometimes I post in
                    Spanish?
                """),
            ),
            R(
                "marcus",
                11,
                md("""
                    > is it OK if sometimes I post in Spanish?

                    Absolutely, Lucía. Spanish is one of this community's languages, and Sam
                    and Priya can both help if a thread needs a summary in English.
                """),
                thanks=("lucia",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="megan",
        title="How do I introduce solving equations without just 'do the same to both sides'?",
        tags=("algebra",),
        days_ago=33.5,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        body=md("""
            Year 8, first lesson on solving linear equations next Tuesday. Half my class
            already "knows" how to do it from tutoring: **move it to the other side and change
            the sign**. They get x + 5 = 12 right and then fall apart at 3x − 4 = 2x + 7.

            My mentor says use the balance model, but I've read that it breaks down as soon
            as there are negatives. I don't want to spend my first lesson un-teaching a trick.

            How do you start? What's the first task you put on the board?
        """),
        replies=(
            R(
                "eleanor",
                3,
                md("""
                    I'd start with **undoing**, not with equations at all. The sequence we use
                    in Year 8:

                    1. Function machines: "I think of a number, multiply by 3, subtract 4, and
                       get 11. What was my number?" Students undo it in their heads first.
                    2. Write the same machine as 3x − 4 = 11 next to it. Same problem, new
                       clothes.
                    3. Only then the balance, and only for x on both sides, where it earns its
                       place.

                    The "change the sign" kids are fine with this because it *explains* their
                    trick instead of banning it. Ask them why it works; most can't say, and
                    they become curious rather than defensive.
                """),
                accepted="for a first lesson on equations",
                thanks=("megan", "sam"),
                tried=("megan", "lucia"),
                votes=("sam", "liam", "priya", "lucia", "megan"),
            ),
            R(
                "priya",
                5,
                md("""
                    Cups and counters! A cup hides x, counters are ones. 2 cups + 3 counters
                    = 11 counters. They physically take away 3 from each side.

                    I teach classes of 42 with no manipulatives budget, so I draw cups and dots
                    on the board and students copy them in their books. It works just as well
                    on paper. For negatives I use red dots and the "zero pair" idea they know
                    from integers.
                """),
                accepted="large classes without manipulatives",
                thanks=("kenji",),
                tried=("megan", "wanjiru"),
                votes=("megan", "eleanor", "wanjiru"),
            ),
            R(
                "liam",
                9,
                md("""
                    > Half my class already "knows" how to do it from tutoring

                    Don't fight the trick, name it. I put "change side, change sign" on the
                    board and say "this is true, and by Friday you'll be able to tell me why".
                    Then make sure the first examples are ones where the trick is clumsy, like
                    x/4 = 3 or 12 = 5 − x.
                """),
                thanks=("megan",),
                votes=("kenji", "sam"),
            ),
            R(
                "megan",
                52,
                md("""
                    Update: I did Eleanor's function machines for the first 15 minutes, then
                    Priya's cups drawn on mini whiteboards. The tutored kids were the ones
                    asking "so *that's* why you change the sign". One of them explained it to
                    his table better than I could.

                    Balance model tomorrow for x on both sides. Thank you all so much.
                """),
                thanks=("eleanor", "priya"),
            ),
        ),
    ),
    ThreadSpec(
        space="Tasks and lesson ideas",
        kind=DISCUSSION,
        author="sam",
        title="Ratio tables before cross-multiplying: my Year 7 sequence (with the worksheet)",
        tags=("ratio",),
        days_ago=30.1,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        body=md("""
            I've stopped teaching cross-multiplication in Year 7 altogether. Instead we spend
            two weeks on ratio tables, and proportion problems become "find the missing
            column". Here's the sequence:

            1. Recipes: scale a pancake recipe for 2, 6 and 9 people.
            2. Ratio tables with **only** doubling, halving and adding columns.
            3. Then multiplying columns by any number.
            4. Finally the unitary method as "make a column with a 1 in it".

            A typical board example:

            | Eggs  | 2 | 4 | 1 | 5  |
            |-------|---|---|---|----|
            | Flour (g) | 150 | 300 | 75 | 375 |

            Students love spotting that the "1" column unlocks everything. The worksheet and
            slides are here: [Ratio tables, Year 7](https://example.org/resources/ratio-tables-y7).
            Task 3 is adapted from a department colleague's recipe cards.
        """),
        thanks=("marcus", "priya", "eleanor", "megan"),
        tried=("wanjiru", "lucia", "megan"),
        replies=(
            R(
                "marcus",
                4,
                md("""
                    We do almost the same in grade 7 but start with **double number lines**
                    for a week before the tables. Some kids need to *see* the two quantities
                    growing together before the table makes sense.
                """),
                thanks=("sam",),
            ),
            R(
                "lucia",
                20,
                md("""
                    In Mexico many students arrive already knowing *la regla de tres*
                    (cross-multiplying) from primaria or from their parents. They do it fast
                    but have no idea why. If I give them ratio tables they say "why so slow?"

                    How do you convince students who already have a fast method?
                """),
            ),
            R(
                "sam",
                23,
                md("""
                    > They do it fast but have no idea why.

                    Same with my tutored students. Two things help: problems where the ratio
                    table is genuinely faster (like 12 pencils cost £3, how much for 30?), and
                    asking them to explain *la regla de tres* with a table. When they can, they
                    usually decide they understand it for the first time, and then I'm happy
                    for them to use it.
                """),
                thanks=("lucia",),
                tried=("lucia",),
            ),
            R(
                "kenji",
                30,
                md("""
                    In Japan we use the **proportional number line** (比例数直線) from grade 5,
                    which is very close to Marcus's double number line. In our lesson study
                    group, the question that helped most was "which column did you make first,
                    and why?" — it gets students comparing strategies instead of answers.
                """),
                thanks=("sam", "marcus"),
            ),
            R(
                "wanjiru",
                75,
                md("""
                    Tried this with my Form 1 girls this week. I changed the pancakes to
                    chapati (flour, water, a pinch of salt, oil) and the scaling argument got
                    very serious, because everyone's mother has an opinion. The "1" column
                    moment happened exactly as you said.
                """),
                thanks=("sam", "marcus"),
            ),
        ),
    ),
    ThreadSpec(
        space="Misconceptions clinic",
        kind=QUESTION,
        author="lucia",
        title="Why do my students insist that −8 is bigger than −3?",
        tags=("negative numbers",),
        days_ago=26.4,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        body=md("""
            Primero de secundaria (12–13 years). We did the number line, we did temperature,
            and still in the quiz a third of the class wrote −8 > −3. When I ask why they
            say "because 8 is bigger than 3". How do you break this?
        """),
        replies=(
            R(
                "kenji",
                6,
                md("""
                    Turn the number line **vertical**, like a thermometer, and only ever ask
                    "which is higher?" or "which is colder?" for a few days, never "which is
                    bigger". "Bigger" makes them think of size, which is the absolute value.
                    We only reintroduce "greater than" after they are confident with "higher".
                """),
                accepted="for grade 7, first week of integers",
                thanks=("lucia", "priya"),
                tried=("lucia", "liam"),
                votes=("lucia", "eleanor", "sam", "megan", "priya"),
            ),
            R(
                "wanjiru",
                10,
                md("""
                    With my older girls (Form 2–3) who still mix it up, I use money owed: "Who
                    is poorer, someone who owes 8,000 shillings or someone who owes 3,000?"
                    Nobody gets that wrong. Then we write it as −8000 < −3000.

                    Be careful with the debt story for younger students: it gets confusing
                    when you try to multiply negatives.
                """),
                accepted="for older students re-learning integers",
                thanks=("lucia",),
                tried=("liam",),
                votes=("lucia", "liam"),
            ),
            R(
                "priya",
                14,
                md("""
                    Agree with Kenji about the language. I also found that the quiz question
                    itself mattered: "Which is greater, −8 or −3?" gets more wrong answers than
                    "Put −3, 5, −8, 0 in order on a number line". Ordering several numbers
                    makes them use the line.
                """),
                votes=("kenji", "sam"),
            ),
            R(
                "sam",
                18,
                md("""
                    A hinge question I use before moving on (hands up A/B/C/D, or fingers):

                    Which of these is **true**?
                    - A) −8 > −3
                    - B) −3 > −8
                    - C) they are equal because both are negative
                    - D) you can't compare negative numbers

                    A tells you "size", C and D tell you they haven't got negatives as numbers
                    at all, which is a different conversation.
                """),
                thanks=("lucia",),
                votes=("eleanor",),
            ),
            R(
                "lucia",
                96,
                md("""
                    ¡Gracias! I did the vertical line ("¿cuál está más abajo?") for three days
                    and the quiz this week had only 4 students out of 38 writing −8 > −3. The
                    money question worked with my tercero group too.
                """),
                thanks=("kenji",),
            ),
        ),
    ),
    ThreadSpec(
        space="Misconceptions clinic",
        kind=DISCUSSION,
        author="eleanor",
        title="'Multiplication makes bigger' — where do you tackle it?",
        tags=("fractions",),
        days_ago=21.3,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        body=md("""
            Every year my Year 9s are surprised that 0.4 × 30 is less than 30, and every year
            I wonder whose job it was to fix that. Primary? Year 7 decimals? When we do
            percentages?

            Genuinely curious where other departments put it, and whether anyone teaches it
            explicitly rather than hoping it comes up.
        """),
        replies=(
            R(
                "liam",
                2,
                md("""
                    Explicitly, in Year 7, with a "**always, sometimes, never**" card sort:
                    "multiplying makes a number bigger", "dividing makes a number smaller",
                    "a square is bigger than the number". The arguments are the lesson.
                """),
                thanks=("eleanor", "megan"),
                tried=("megan",),
            ),
            R(
                "marcus",
                6,
                md("""
                    > whose job it was to fix that

                    Honestly, everyone's, which means nobody's. We added one line to our grade
                    6 and grade 7 unit plans: "revisit multiplying by numbers less than 1". It
                    cost nothing and at least the conversation happens twice.
                """),
                thanks=("eleanor",),
            ),
            R(
                "priya",
                9,
                md("""
                    I think the root is the word "times". "3 times 4" sounds like repeating.
                    "0.4 times 30" sounds like nonsense. I switched to "**0.4 of 30**" for a
                    while and link it to fractions of amounts, which they already believe make
                    things smaller.
                """),
                thanks=("eleanor", "liam"),
            ),
            R(
                "lucia",
                26,
                md("""
                    > I switched to "0.4 of 30"

                    Same in Spanish: "0.4 **de** 30" is much easier for them than "0.4 por
                    30". I had never thought about it as a language problem.
                """),
                thanks=("priya",),
            ),
            R(
                "megan",
                30,
                md("""
                    Tried @liam_obrien's always/sometimes/never with my Year 8s today. The best
                    moment: a student said "multiplying by one makes it the same, so it's
                    *sometimes*", and then someone else said "what about multiplying by zero?"
                    and the room exploded. 20 minutes well spent.
                """),
                thanks=("liam", "eleanor"),
            ),
            R(
                "eleanor",
                48,
                md("""
                    Thanks all. We're adding Liam's card sort to Year 7 and Priya's "of" to the
                    Year 8 percentages unit. I'll report back on whether my Year 9s next year
                    are less surprised.
                """),
                thanks=("liam",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="kenji",
        title="Looking for an open problem on proportional reasoning for a grade 6 research lesson",
        tags=("ratio",),
        days_ago=12.6,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        body=md("""
            Our lesson study group is planning a research lesson for grade 6 next month. The
            goal is for students to **compare two rates** using several strategies, so that
            the whole-class discussion (neriage) has different solutions to compare.

            We want a problem with a real context, numbers that don't make one strategy
            obviously best, and at least one tempting wrong approach (additive thinking).
            Any problems that worked well for you?
        """),
        replies=(
            R(
                "sam",
                7,
                md("""
                    The classic one that always splits my Year 7s:

                    > Shop A sells 6 oranges for 90 yen. Shop B sells 10 oranges for 140 yen.
                    > Which is the better deal?

                    You get unit price, common multiple (30 oranges), ratio tables and the
                    additive "B costs 50 more for 4 more" argument, which is lovely to discuss.
                """),
                thanks=("kenji",),
                votes=("kenji", "priya", "liam"),
            ),
            R(
                "priya",
                15,
                md("""
                    We did a "juice concentration" problem: Jug A is 2 cups concentrate to 3
                    cups water, Jug B is 3 cups concentrate to 5 cups water. Which tastes
                    stronger? Students who compare differences (1 and 2) say A, then the
                    argument starts. It needs no calculation beyond fractions, which was nice
                    for our weaker group.
                """),
                thanks=("kenji",),
                votes=("kenji", "sam"),
            ),
        ),
    ),
    ThreadSpec(
        space="Tasks and lesson ideas",
        kind=DISCUSSION,
        author="priya",
        title="Mini whiteboards for 42 students with no budget: what we use instead",
        tags=("large classes",),
        days_ago=8.2,
        body=md("""
            A few people asked how I do "show me" with classes of 40+. We don't have mini
            whiteboards, so:

            - **Laminated A4 sheets** with a white back, one per bench of two. The school
              laminator and a pack of sheets cost less than a single set of boards.
            - Old socks as erasers (students bring them).
            - Markers are the expensive part, so **one marker per pair**, kept in a labelled
              box that the class monitor counts in and out.

            My set-up checklist from the start of term:

            - [x] 25 laminated sheets (plus 5 spares)
            - [x] Markers labelled by bench number
            - [x] Routine practised: write, hide, "show me", wipe
            - [ ] Find a way to see the back rows without walking the whole room

            That last one is still a problem. Ideas welcome.
        """),
        thanks=("sam", "wanjiru", "marcus"),
        tried=("wanjiru", "lucia"),
        replies=(
            R(
                "sam",
                3,
                md("""
                    > Find a way to see the back rows

                    Have the back rows stand to show. It sounds silly but it's instant, and it
                    adds a tiny bit of movement to the lesson. I also sometimes ask only one
                    side of the room to show, then the other.
                """),
                thanks=("priya",),
                tried=("priya",),
            ),
            R(
                "wanjiru",
                20,
                md("""
                    We use the same laminated sheets. Another trick: plastic document sleeves
                    with a white card inside. They survive longer than laminated paper in our
                    dusty classrooms, and you can slide a printed grid or number line in.
                """),
                thanks=("priya", "liam"),
                tried=("priya",),
            ),
            R(
                "liam",
                44,
                md("""
                    Love this. Cheap boards are better than no boards. One caution from
                    experience: with pairs, one student ends up doing all the writing. I
                    alternate "pencil holder" every question, announced out loud.
                """),
                thanks=("priya",),
            ),
        ),
    ),
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="sam",
        title="Live chat next month: from fractions to ratio — and a call for tasks",
        tags=("fractions", "ratio"),
        days_ago=5.3,
        body=md("""
            We're running our next live chat on **the bridge from fractions to ratio** (grades
            6–7 / Years 7–8). It will be a 45-minute text chat: six questions released every
            seven minutes, answers tagged A1, A2… as usual.

            What's ready and what we still need:

            - [x] Date and two time slots, so both Europe and Asia–Pacific can join
            - [x] First draft of the six questions
            - [ ] A co-host from the Americas
            - [ ] Your favourite task on this topic, to share in the archive

            Reply here if you can co-host or have a task to share. The questions draft is at
            [example.org/chats/fractions-to-ratio](https://example.org/chats/fractions-to-ratio).
        """),
        thanks=("priya", "eleanor"),
        replies=(
            R(
                "marcus",
                4,
                md("""
                    I'll co-host the Americas slot. Happy to share the double number line
                    task from the ratio table thread too.
                """),
                thanks=("sam",),
            ),
            R(
                "megan",
                9,
                md("""
                    Is the Asia–Pacific slot after school in New Zealand? I'd love to join but
                    evenings are marking time.
                """),
            ),
            R(
                "sam",
                12,
                md("""
                    It's 4:30 pm in Christchurch on a Wednesday, so straight after school.
                    Come along, and don't feel you need to answer every question.
                """),
                thanks=("megan",),
            ),
            R(
                "lucia",
                16,
                md("""
                    For the archive: the fraction wall we build in primero before any ratio
                    work. Every student cuts the rows from one strip of the same length, so
                    the whole really is the same whole. The first question is always "which
                    is bigger, 1/3 or 1/5?" and the only answer allowed is pointing at the
                    wall. Later the same wall shows 2/4 = 1/2, our first equivalent ratio.

                    @sam_rivera, is this the kind of task you meant? I can share the Spanish
                    version (*muro de fracciones*) too.
                """),
                image="fraction-wall",
                image_description=(
                    "A fraction wall: six rows of equal length split into one whole, halves, "
                    "thirds, quarters, fifths and sixths, each piece labelled, so 1/3 is "
                    "visibly longer than 1/5."
                ),
                thanks=("sam", "priya", "megan"),
                tried=("megan",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="wanjiru",
        title="Linear graphs without graph paper or a projector: what works?",
        tags=("graphs", "algebra", "large classes"),
        days_ago=1.8,
        subjects=("mathematics",),
        grade_bands=("6-8", "9-12"),
        body=md("""
            Form 2 (ages 14–15), 48 girls, chalkboard only. Graph paper is rationed to exams.
            I want students to plot and compare a few straight-line graphs before they meet
            y = mx + c properly.

            What do you do when you can't give everyone a grid? Drawing axes by hand takes
            half the lesson.
        """),
    ),
)


EDTECH_TOOLS_AND_TIPS = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="jasmine",
        title="A reminder about commercial interests (and why one account was removed)",
        days_ago=39.6,
        pinned=True,
        body=md("""
            Hi everyone. This week the moderators removed a member who posted links to their
            own paid product in every space, after two friendly warnings. That's rare, and I'd
            rather explain it openly than have people wonder.

            The rule is short:

            - If you have **any commercial interest** in a tool (you built it, sell it, are
              paid to promote it, or your employer makes it), **say so** every time you
              mention it.
            - Reviews are written after using a tool **with real students**.
            - Asking "has anyone tried X?" is always fine.

            The full guidelines are at
            [example.org/edtech-community/guidelines](https://example.org/edtech-community/guidelines).
            Thanks for keeping this a place where "it didn't work for us" is a welcome review.
        """),
        thanks=("aisha", "denise", "marta"),
        replies=(
            R(
                "aisha",
                2,
                md("""
                    Thanks for being transparent, Jasmine. For what it's worth, the "it didn't
                    work for us" reviews are the reason I recommend this community to the
                    teachers I coach.
                """),
                thanks=("jasmine",),
            ),
            R(
                "adebayo",
                7,
                md("""
                    Question: I built a small free quiz app for my school's computer lab. No
                    money involved. Can I share it, or does that count as promotion?
                """),
            ),
            R(
                "jasmine",
                9,
                md("""
                    > I built a small free quiz app for my school's computer lab.

                    Please share it! Just say it's yours, like you did here. Disclosure is the
                    point, not money. A tool a teacher built for their own lab is exactly the
                    kind of thing people here love.
                """),
                thanks=("adebayo",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="tyler",
        title="Exit tickets when only half my 8th graders have a working device?",
        tags=("exit tickets", "shared devices"),
        days_ago=35.3,
        subjects=("educational-technology", "science"),
        grade_bands=("6-8",),
        body=md("""
            First-year teacher, 8th grade science, 32 kids per class. My coach wants data from
            a digital exit ticket every day. In reality half the Chromebooks are dead or
            missing by 6th period, and phones aren't allowed.

            Is there a way to get quick, *recordable* checks when devices are unreliable?
            I don't want to spend my evenings typing paper answers into a spreadsheet.
        """),
        replies=(
            R(
                "arjun",
                2,
                md("""
                    Use **printed answer cards with a code** (the kind a teacher's phone scans
                    from the front of the room). Each student holds up a card rotated to A, B,
                    C or D; one phone scan records the whole class. Students need no device at
                    all, and the cards are free to print.

                    We use them in partner schools with no student devices. Limits: multiple
                    choice only, and it's worth laminating the cards.
                """),
                accepted="low-tech classroom (one teacher phone)",
                thanks=("tyler", "kevin"),
                tried=("tyler", "kevin", "marta"),
                votes=("tyler", "aisha", "kevin", "marta"),
            ),
            R(
                "kevin",
                5,
                md("""
                    Fellow first-year here. For the "explain why" questions I do paper exit
                    slips and sort them into **three piles** at the door: got it, nearly,
                    not yet. I record just the pile counts (takes 2 minutes) and start the
                    next lesson with the "nearly" group's mistake. My coach was fine with that
                    as data.
                """),
                accepted="open-ended questions, 2 minutes of admin",
                thanks=("tyler", "jasmine"),
                tried=("tyler", "yuki"),
                votes=("tyler", "jasmine", "aisha"),
            ),
            R(
                "aisha",
                8,
                md("""
                    Both great answers. One more thought: ask your coach what decision the
                    data is for. If it's "who needs reteaching tomorrow", Kevin's piles are
                    better data than a spreadsheet of scores nobody reads.
                """),
                thanks=("tyler",),
                votes=("kevin", "jasmine"),
            ),
            R(
                "tyler",
                70,
                md("""
                    Printed the cards last night. Two classes so far: scanning 30 cards took
                    about ten seconds and the kids thought it was magic. Paper piles for the
                    written ones. Coach is happy. Thank you!
                """),
                thanks=("arjun",),
            ),
        ),
    ),
    ThreadSpec(
        space="Tool reviews",
        kind=DISCUSSION,
        author="aisha",
        title="Review: a term of Chalkline (open-source whiteboard) with Year 9 computing",
        tags=("open source", "accessibility"),
        days_ago=28.1,
        subjects=("educational-technology", "computer-science"),
        grade_bands=("9-12",),
        body=md("""
            **Context:** three Year 9 computing classes, 28–30 students, one Birmingham
            secondary, used twice a week for a term. No commercial interest; we self-host it
            on the trust's server.

            | Criterion | Score | Notes |
            |---|---|---|
            | Set-up time | 4/5 | One afternoon with our technician |
            | Accessibility | 3/5 | Keyboard navigation good, colour contrast of default pens poor |
            | Data collected | 5/5 | Nothing leaves our server; no student accounts needed |
            | Slow Wi-Fi | 4/5 | Fine with 30 students; lagged with 3 classes at once |
            | Learning value | 4/5 | Best for pair diagramming, e.g. network topologies |

            **What worked:** pairs drawing and labelling diagrams, then a gallery walk on
            screen. **What didn't:** anything involving typing long text; students went back
            to the shared document.

            Would I recommend it? For schools that can host it, yes. Set-up notes are here:
            [Chalkline set-up for schools](https://example.org/guides/chalkline-setup).
        """),
        thanks=("jasmine", "arjun", "adebayo"),
        tried=("adebayo",),
        replies=(
            R(
                "arjun",
                6,
                md("""
                    Thanks for including the data row. That's the first question our parents
                    ask now. Did you change the default pens, or did students just live with
                    the low contrast?
                """),
            ),
            R(
                "aisha",
                9,
                md("""
                    > Did you change the default pens

                    We set a high-contrast palette in the admin settings and hid the pale
                    yellow. Took five minutes once we found it. It's in the set-up notes now.
                """),
                thanks=("arjun",),
            ),
            R(
                "adebayo",
                60,
                md("""
                    Installed it on the old desktop that runs our lab's local server. With no
                    internet needed it works even when our connection is down, which is most
                    afternoons. My SS1 students used it for flowcharts this week.
                """),
                thanks=("aisha",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="marta",
        title="How do you stop 9-year-olds 'finishing' a digital task by clicking through it?",
        tags=("shared devices",),
        days_ago=24.5,
        subjects=("educational-technology",),
        grade_bands=("3-5",),
        body=md("""
            4º de primaria, 25 students, tablets. I set a 20-minute interactive activity on
            fractions and a group of boys were "done" in four minutes: they clicked through
            every screen to get the trophy at the end.

            Telling them off didn't help. How do you design (or set up) digital tasks so that
            finishing isn't the goal?
        """),
        replies=(
            R(
                "yuki",
                3,
                md("""
                    **One tablet per pair**, with roles: one "driver" taps, one "navigator"
                    must explain what to tap and why before the driver is allowed to. Swap
                    every five screens. Clicking through becomes socially impossible.
                """),
                accepted="pairs sharing one device",
                thanks=("marta", "ana"),
                tried=("marta", "ana"),
                votes=("marta", "jasmine", "ana"),
            ),
            R(
                "ana",
                7,
                md("""
                    I stopped caring about the end screen. The "product" is a **photo of their
                    working** on paper or a sentence they write at screen 3 and screen 6
                    ("Which fraction was bigger and how do you know?"). No sentence, not done.
                """),
                accepted="for grade 4–5 fractions activities",
                thanks=("marta",),
                tried=("marta",),
                votes=("marta", "yuki"),
            ),
            R(
                "jasmine",
                11,
                md("""
                    Also worth checking the settings: many activity tools let you **turn off
                    the score or trophy**, or hide the "next" button until an answer is
                    typed. The reward at the end is what the boys were optimising for.
                """),
                thanks=("marta",),
                votes=("ana",),
            ),
        ),
    ),
    ThreadSpec(
        space="Workflows and shortcuts",
        kind=DISCUSSION,
        author="adebayo",
        title="Our lab has power 8 am to 12 noon only. How I plan everything around it",
        tags=("low bandwidth",),
        days_ago=20.2,
        subjects=("computer-science", "educational-technology"),
        grade_bands=("9-12",),
        body=md("""
            People sometimes ask how we teach computing in Lagos with unreliable power. Here
            is my workflow, in case it helps someone in a similar school:

            1. **All practical work is in the morning.** Theory, pseudocode and paper
               flowcharts go to the afternoon.
            2. **Nothing depends on the internet.** Offline installers on a USB stick, a
               local copy of the documentation, and a small local server on an old desktop.
            3. **Students save twice:** on the lab machine and on a class USB stick I collect.
            4. **Every lesson has a paper version** in case the power goes at 9:15.

            The local server set-up I followed is
            [here](https://example.org/guides/offline-school-server). It took a weekend.
        """),
        thanks=("arjun", "ana", "aisha", "jasmine"),
        tried=("ana",),
        replies=(
            R(
                "arjun",
                4,
                md("""
                    Very similar to what our rural partner schools near Pune do. We add one
                    thing: a **UPS on the server only**, not the student machines, so the
                    server shuts down cleanly and nothing gets corrupted.
                """),
                thanks=("adebayo",),
            ),
            R(
                "aisha",
                8,
                md("""
                    > Students save twice: on the lab machine and on a class USB stick

                    Do you get viruses moving around on the USB stick? That was our biggest
                    problem when we did this years ago.
                """),
            ),
            R(
                "adebayo",
                11,
                md("""
                    Yes, in the first term! Now the stick is **mine**, read-only for everyone
                    except my machine, and I scan it every Friday. Students copy their files
                    to it through the local server, not by plugging in their own sticks.
                """),
                thanks=("aisha",),
            ),
            R(
                "ana",
                50,
                md("""
                    Our science lab in São Paulo has power but the internet falls over every
                    afternoon. "Every lesson has a paper version" is now on a sticky note on
                    my monitor. Tried it last week when the network died and the lesson
                    survived.
                """),
                thanks=("adebayo",),
            ),
        ),
    ),
    ThreadSpec(
        space="Privacy and data",
        kind=QUESTION,
        author="kevin",
        title="Is it OK to have 7th graders sign up for a free app with their school email?",
        tags=("student privacy",),
        days_ago=16.4,
        subjects=("educational-technology",),
        grade_bands=("6-8",),
        body=md("""
            There's a free flashcard app my students love. It asks them to sign up with an
            email. Some of my 7th graders are 12. Can I just have them use their school
            accounts? Nobody at my school seems to know who decides this.
        """),
        replies=(
            R(
                "denise",
                2,
                md("""
                    Kevin, you're at Jefferson, so: check the district's
                    [approved apps list](https://example.org/riverside/approved-apps) first.
                    If the app isn't on it, submit the request form at the bottom and I'll
                    review the terms and data agreement. Please don't have students sign up
                    until it's approved; some apps sell or share data, and students under 13
                    need parental consent for many of them.
                """),
                accepted="Riverside USD staff",
                thanks=("kevin",),
                votes=("kevin", "aisha", "jasmine"),
            ),
            R(
                "aisha",
                6,
                md("""
                    For anyone outside Riverside, this is what I check before saying yes:

                    - What personal data does it collect, and is it **needed** for learning?
                    - Is there a **student data agreement** the school can sign?
                    - Is there an age limit in the terms (often 13 or 16)?
                    - Can you **delete** the students' data at the end of the year?
                    - Can students use it **without** an account (a class code)?

                    If you can't answer the first two, the answer is "not yet".
                """),
                accepted="any school: what to check first",
                thanks=("kevin", "marta"),
                tried=("marta",),
                votes=("kevin", "denise", "arjun", "marta"),
            ),
            R(
                "kevin",
                30,
                md("""
                    Submitted the request, Denise. In the meantime I'm using the app in
                    "class code" mode where students only type a nickname. Thanks both.
                """),
                thanks=("denise",),
            ),
        ),
    ),
    ThreadSpec(
        space="Tool reviews",
        kind=DISCUSSION,
        author="ana",
        title="Six weeks of clip-on phone microscopes in grade 8 science: honest review",
        tags=("shared devices",),
        days_ago=12.3,
        subjects=("science", "educational-technology"),
        grade_bands=("6-8",),
        body=md("""
            Our school has three old microscopes for 35 students, so I bought twelve clip-on
            lenses (about US$4 each) for students' or my old phones. No commercial interest.

            **Good:**
            - Every group can see onion cells at the same time.
            - Students photograph what they see, so we can discuss one image on the board.
            - They started looking at *everything*: leaves, fabric, their own skin.

            **Not good:**
            - Focusing is fiddly. Expect 10 minutes of frustration the first time.
            - Four lenses broke in six weeks.
            - Magnification is enough for cells, not for detail inside them.

            Verdict: **worth it** as a complement, not a replacement. My worksheet for the
            first lesson: [phone microscope starter](https://example.org/resources/phone-microscope).
        """),
        thanks=("tyler", "kevin", "yuki"),
        tried=("tyler",),
        replies=(
            R(
                "tyler",
                5,
                md("""
                    > Focusing is fiddly. Expect 10 minutes of frustration the first time.

                    Any tricks? I'd love to try this in our cells unit but 10 minutes is a
                    lot with my 6th period.
                """),
            ),
            R(
                "ana",
                8,
                md("""
                    Tape the phone to a stack of books and move the **sample**, not the phone.
                    And a drop of water on the slide helps a lot. Second lesson they focus in
                    under two minutes.
                """),
                thanks=("tyler",),
                tried=("tyler",),
            ),
            R(
                "kevin",
                30,
                md("""
                    Adding this to my wish list for next year. Did you have issues with
                    students' own phones in class? Our policy is strict.
                """),
            ),
            R(
                "ana",
                33,
                md("""
                    I use **my old phones** and two donated ones, never students' phones.
                    That also avoids photos ending up on social media.
                """),
                thanks=("kevin",),
            ),
            R(
                "tyler",
                140,
                md("""
                    Ordered six lenses with my classroom budget and tried them this week with
                    the book-stack trick. My 6th period were the most focused I've ever seen
                    them (pun intended).
                """),
                thanks=("ana", "jasmine"),
            ),
        ),
    ),
    ThreadSpec(
        space="Workflows and shortcuts",
        kind=DISCUSSION,
        author="jasmine",
        title="Share one shortcut or template that saves you time every week",
        days_ago=6.4,
        body=md("""
            Small things only. One shortcut, template or habit, and roughly how much time it
            saves. I'll start: a **"next week" template doc** with the same six headings every
            week. Planning starts from structure, not a blank page. Saves me ~30 minutes.
        """),
        thanks=("aisha", "denise"),
        replies=(
            R(
                "denise",
                1,
                md("""
                    Text expansion: typing `;;late` becomes my whole "late work" reply to
                    parents, in English or Spanish. Probably an hour a week in September.
                """),
                thanks=("jasmine", "kevin"),
                tried=("kevin", "tyler"),
            ),
            R(
                "marta",
                3,
                md("""
                    A QR code on the classroom door that opens the week's plan for the
                    substitute teacher. No more "where's the folder?" phone calls.
                """),
                thanks=("jasmine",),
                tried=("ana",),
            ),
            R(
                "tyler",
                5,
                md("""
                    Honestly? **Not** checking email between 8 and 3. Not a shortcut but saved
                    my sanity. I check at 3:15 and 7:30.
                """),
                thanks=("kevin", "aisha"),
            ),
            R(
                "arjun",
                8,
                md("""
                    Keyboard shortcut to take a screenshot of part of the screen straight to
                    the clipboard, then paste into slides. I make worked examples from
                    students' anonymised work in seconds.
                """),
                thanks=("marta",),
            ),
            R(
                "kevin",
                12,
                md("""
                    > `;;late` becomes my whole "late work" reply

                    Set this up after reading @denise_palmer's post. I now have `;;lab` for the
                    lab safety reminder I send before every practical.
                """),
                thanks=("denise",),
            ),
            R(
                "ana",
                20,
                md("""
                    A spreadsheet with one row per student and a column per skill, filled with
                    three colours only. Takes 5 minutes after each lesson and makes the
                    end-of-term reports almost write themselves.
                """),
                thanks=("jasmine",),
            ),
            R(
                "yuki",
                26,
                md("""
                    I keep a bank of **30 short listening clips** recorded once with my ALT
                    (assistant language teacher). I reuse them every year and just change the
                    questions. Saves recording time every week.
                """),
                thanks=("marta",),
            ),
        ),
    ),
    ThreadSpec(
        space="Privacy and data",
        kind=ANNOUNCEMENT,
        author="arjun",
        title="A checklist before you roll out any new tool to a class",
        tags=("student privacy", "accessibility"),
        days_ago=3.2,
        body=md("""
            After @kevin_tran's question about student sign-ups, a few of you asked for
            something to print. Here is the checklist we use at our school, also as a
            [printable PDF](https://example.org/edtech-community/rollout-checklist.pdf).

            - [ ] I know what student data the tool collects, and why
            - [ ] The school has a signed data agreement (or the tool needs no accounts)
            - [ ] Students are old enough under the terms of service
            - [ ] It works on our slowest devices and our school Wi-Fi
            - [ ] It works with a screen reader and keyboard only
            - [ ] I know how to delete the class at the end of the year
            - [ ] I tried it myself as a student first

            If you'd add or change a line, reply and we'll update the PDF.
        """),
        thanks=("kevin", "marta", "denise", "jasmine"),
        replies=(
            R(
                "marta",
                10,
                md("""
                    I'd add "parents have been told, in their language". In our school that
                    is Spanish, Valencian and often Arabic or Romanian.
                """),
                thanks=("arjun",),
            ),
            R(
                "denise",
                14,
                md("""
                    Great list. For Riverside staff: the second item is covered if the tool
                    is on the approved list. I'll link this checklist from the district page.
                """),
                thanks=("arjun",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="yuki",
        title="Pronunciation practice with speech recognition that doesn't keep children's voices?",
        tags=("student privacy",),
        days_ago=1.5,
        subjects=("educational-technology", "world-languages"),
        grade_bands=("6-8",),
        body=md("""
            Junior high English in Osaka, ages 12–15. Students are shy about speaking in
            front of classmates, so I'd like them to practise pronunciation with an app that
            gives feedback.

            My worry: most apps upload and keep voice recordings. Our school says voice is
            personal data. Does anyone know a tool that processes speech **on the device**,
            or a way to set one up so nothing is stored?
        """),
    ),
)


FIRST_YEAR_CIRCLE = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="joanne",
        title="How this circle works (please read, it's short)",
        days_ago=41.1,
        pinned=True,
        body=md("""
            Welcome, whether you've been teaching for six weeks or sixteen months.

            - **What's said here stays here.** Nobody outside the circle can see it exists.
              Please don't screenshot or forward posts.
            - **No names of students, parents or colleagues**, and nothing that identifies
              your school. "A Year 9 boy" is enough for us to help.
            - **Every question is welcome.** If you're wondering whether it's too basic,
              that's exactly the one to ask.
            - Rhys and I read everything. If a post worries us, we'll message you
              privately. That's all.

            If you are struggling with more than teaching, please also talk to someone
            outside: your union, your employee assistance line, or one of the services listed
            at [example.org/teacher-wellbeing](https://example.org/teacher-wellbeing).

            Joanne
        """),
        thanks=("tyler", "kevin", "megan", "javier"),
        replies=(
            R(
                "rhys",
                3,
                md("""
                    And from me: I'm in my eleventh year and I still have lessons I'd like to
                    forget. You're in good company. Ask anything.
                """),
                thanks=("megan", "kevin"),
            ),
            R(
                "tyler",
                20,
                md("""
                    Thank you for this. I nearly didn't join because I thought it would be
                    one more place where I have to look like I'm coping. Reading the first
                    line made me exhale.
                """),
                thanks=("joanne", "megan"),
            ),
        ),
    ),
    ThreadSpec(
        space="Behaviour and routines",
        kind=QUESTION,
        author="tyler",
        title="My 6th period walks all over me. How do I reset after the break?",
        tags=("behaviour",),
        days_ago=36.2,
        grade_bands=("6-8",),
        body=md("""
            I'll be honest: I've lost my last class of the day. 8th grade, 31 students. They
            talk over me, wander, and a group at the back has decided I'm a joke. My other
            classes are fine, which makes it worse, because it's clearly something I'm doing.

            We have a week off coming up. I want to come back and start again properly. Is
            that even possible this far into the semester? What would you actually do on the first day back?
        """),
        replies=(
            R(
                "rhys",
                4,
                md("""
                    Yes, it's possible, and the break is the perfect moment. What worked for
                    me in my second year:

                    1. **New seating plan**, in place before they arrive. They walk in to
                       something different.
                    2. **Meet them at the door** and give each one a job for the first 3
                       minutes (a short task on the desk).
                    3. **Tell them, briefly, what's changing** and why: "This class hasn't
                       been working for you or me. Here's what's different from today."
                    4. Pick **one** expectation (for you, probably "nobody talks while someone
                       else is talking") and hold it relentlessly for two weeks.

                    It won't be perfect on day one. It will be better by day ten.
                """),
                accepted="for a class that has already gone off the rails",
                thanks=("tyler", "kevin"),
                tried=("tyler", "kevin", "megan"),
                votes=("tyler", "joanne", "kevin", "megan"),
            ),
            R(
                "joanne",
                6,
                md("""
                    All of Rhys's list. I'd add: **narrate the positive, loudly** in the first
                    week back. "Table 3 are ready. Thank you, front row." The group at the back
                    wants an audience; give the audience to the students doing the right
                    thing.

                    And please hear this: one class going badly does not mean you're a bad
                    teacher. Last lesson of the day, 31 thirteen-year-olds, first year. It's
                    the hardest slot there is.
                """),
                accepted="first week back after a break",
                thanks=("tyler", "megan"),
                tried=("tyler",),
                votes=("tyler", "rhys", "javier"),
            ),
            R(
                "kevin",
                20,
                md("""
                    > it's clearly something I'm doing

                    Tyler, I felt exactly this about my 5th period in September. My mentor
                    watched and said it was mostly the timetable (right after lunch) and the
                    mix of kids, and only a little bit me. That little bit was fixable.
                """),
                thanks=("tyler",),
            ),
            R(
                "tyler",
                230,
                md("""
                    Update after the first week back: new seats, door greeting, one rule.
                    Monday was rough, Tuesday was better, by Thursday I actually taught the
                    lesson I planned. The back group split across three tables and one of
                    them asked for help with the lab. I could cry (the good kind).
                """),
                thanks=("rhys", "joanne", "kevin"),
            ),
        ),
    ),
    ThreadSpec(
        space="Workload and wellbeing",
        kind=DISCUSSION,
        author="megan",
        title="I cried in the car park today",
        tags=("wellbeing", "marking"),
        days_ago=30.4,
        body=md("""
            Nothing dramatic happened. An observation that went "fine", a parent email that
            was a bit sharp, 90 books to mark and a planning folder due Friday. I sat in the
            car for twenty minutes before I could drive home.

            I think I just needed to tell someone who won't write it down. Does this get
            easier?
        """),
        replies=(
            R(
                "joanne",
                1,
                md("""
                    Oh Megan. Thank you for telling us, that took courage. Yes, it gets easier,
                    and also: what you're describing is a normal response to an enormous
                    amount of new work, not a sign you're not cut out for this.

                    Tonight, please do one kind thing for yourself and **zero** marking.
                    Tomorrow, would you be up for telling your mentor about the 90 books? That
                    is exactly the kind of thing they can help shrink.
                """),
                thanks=("megan", "rhys"),
            ),
            R(
                "kevin",
                3,
                md("""
                    Car park crying club, founding member here. It happened to me twice in
                    September. It has happened zero times since I stopped marking every
                    book every week. You are not alone in this.
                """),
                thanks=("megan",),
            ),
            R(
                "rhys",
                5,
                md("""
                    > 90 books to mark

                    Practical bit, for when you're ready: ask your department what the
                    marking policy actually requires. In my first year I was marking three
                    times more than anyone else because I'd assumed. Whole-class feedback
                    saved my weekends.
                """),
                thanks=("megan", "javier"),
                tried=("megan", "javier"),
            ),
            R(
                "javier",
                9,
                md("""
                    From Seville: I cried in the school toilets in my second week, so you beat
                    me on comfort. It does get easier. Not fast, but it does.
                """),
                thanks=("megan",),
            ),
            R(
                "megan",
                30,
                md("""
                    Thank you all. I talked to my mentor today. Turns out the department only
                    expects books marked every three weeks. I nearly cried again, differently.
                """),
                thanks=("joanne", "rhys", "kevin"),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="kevin",
        title="How long should planning take? I'm spending four hours a night",
        tags=("planning", "workload"),
        days_ago=27.1,
        grade_bands=("6-8",),
        body=md("""
            7th grade science, four classes of the same course plus one 8th grade section.
            I plan every lesson from scratch: slides, worksheet, lab sheet. It's taking me
            about four hours a night plus most of Sunday.

            Is this normal for a first-year teacher? What do people *actually* do?
        """),
        replies=(
            R(
                "joanne",
                3,
                md("""
                    It's common, it isn't sustainable, and it isn't expected of you. Three
                    things:

                    - **Start from the department's units.** Your school almost certainly has
                      them. Adapt, don't author.
                    - **Plan in units, not lessons.** One planning session per week for the
                      whole week's arc, then small daily tweaks.
                    - **Timebox it.** Give tomorrow's lesson 45 minutes. When the timer goes,
                      it's ready. It will be good enough, and good enough is good.
                """),
                accepted="first-year teacher with shared department units",
                thanks=("kevin", "tyler"),
                tried=("kevin", "tyler"),
                votes=("kevin", "rhys", "tyler", "javier"),
            ),
            R(
                "rhys",
                6,
                md("""
                    What I stopped doing in my second year, and what it saved me:

                    | Stopped | Time saved per week |
                    |---|---|
                    | New slides for every lesson | ~4 hours |
                    | Differentiated worksheets ×3 | ~2 hours |
                    | Marking every book every lesson | ~3 hours |
                    | Making displays from scratch | ~1 hour |

                    Nobody noticed any of it except me, because I slept.
                """),
                accepted="primary or secondary, after the first term",
                thanks=("kevin", "megan"),
                tried=("megan",),
                votes=("kevin", "joanne", "megan"),
            ),
            R(
                "sophie",
                8,
                md("""
                    > Plan in units, not lessons.

                    Teacher candidate here. At the faculty we're asked to write a two-page
                    lesson plan for every lesson on practicum. Is that not what real teachers
                    do?
                """),
            ),
            R(
                "joanne",
                10,
                md("""
                    Sophie, the two-page plans are training wheels: they make your thinking
                    visible so your associate and faculty can help. Once you're teaching full
                    time, the thinking stays and the paperwork shrinks to a few lines per
                    lesson. Do them well now; they're why the short version works later.
                """),
                thanks=("sophie",),
                votes=("sophie",),
            ),
            R(
                "javier",
                14,
                md("""
                    Same in Spain, I planned everything from zero until my head of department
                    showed me the shared drive in November. I could have hugged her.
                """),
                thanks=("kevin",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="javier",
        title="A parent emailed my head of school instead of me. What do I do now?",
        tags=("parents",),
        days_ago=18.3,
        grade_bands=("9-12",),
        body=md("""
            I gave a 4º ESO student a low mark on a biology project because large parts were
            copied. The parent didn't write to me, they wrote straight to the head, saying I
            was "unfair and inexperienced". The head forwarded it to me with "please deal with
            this".

            I feel sick about it. Should I reply to the parent? To the head? Both? What do I
            say?
        """),
        replies=(
            R(
                "sam",
                2,
                md("""
                    Seventh-year teacher, and I still get these. This is fixable. What I'd do:

                    1. **Reply to the head first**, briefly: "Thank you. I'll contact the
                       family today and let you know how it goes." That's all they want.
                    2. **Reply to the parent** calmly, with facts and an offer to meet:

                    > Dear …, thank you for your message. I'd be glad to explain how the
                    > project was marked. Parts of it matched published sources word for word,
                    > which our assessment policy treats as not the student's own work. I'd be
                    > happy to meet with you and your child to go through it, and to discuss
                    > how they can resubmit. …

                    3. Keep the evidence (the copied passages) ready, and bring your head of
                    department to the meeting if you can.

                    Don't defend your experience. Talk about the work and the policy.
                """),
                accepted="reply template for a parent complaint",
                thanks=("javier", "joanne"),
                tried=("javier",),
                votes=("javier", "joanne", "rhys", "tyler"),
            ),
            R(
                "joanne",
                5,
                md("""
                    Sam's template is excellent. One more thing: the head forwarding it to you
                    is a vote of **confidence**. If they thought you were in the wrong they'd
                    have asked to see you first.
                """),
                accepted="how to read the head's forward",
                thanks=("javier",),
                votes=("javier", "sam"),
            ),
            R(
                "rhys",
                8,
                md("""
                    And write down what happened, with dates, while it's fresh. You'll
                    probably never need it. If you do, you'll be glad.
                """),
                thanks=("javier",),
                votes=("javier",),
            ),
            R(
                "javier",
                54,
                md("""
                    Met the parent and the student this morning with my head of department.
                    Showed the sources side by side. The parent went quiet, then thanked me
                    for offering a resubmission. I shook for an hour afterwards but it's done.
                    Thank you, Sam, for the words.
                """),
                thanks=("sam", "joanne", "rhys"),
            ),
        ),
    ),
    ThreadSpec(
        space="Workload and wellbeing",
        kind=DISCUSSION,
        author="tyler",
        title="Things I stopped doing that made no difference to my students",
        tags=("workload", "marking"),
        days_ago=9.4,
        body=md("""
            Inspired by @rhys_pritchard's table in @kevin_tran's planning thread. My list
            so far:

            - Writing the learning objective on the board in full every lesson (a slide
              does it)
            - Replying to emails after 7 pm
            - Laminating everything
            - Grading homework for accuracy instead of completion plus one question

            What's on yours?
        """),
        thanks=("kevin", "megan"),
        tried=("megan",),
        replies=(
            R(
                "kevin",
                2,
                md("""
                    Making a new lab sheet for every lab. I have one template with the same
                    headings; only the procedure changes. The kids like knowing where
                    everything goes.
                """),
                thanks=("tyler",),
                tried=("javier",),
            ),
            R(
                "megan",
                5,
                md("""
                    Re-doing my seating plans every week "to keep things fresh". They were
                    fresh. They were also chaos.
                """),
                thanks=("tyler", "sam"),
            ),
            R(
                "sam",
                12,
                md("""
                    From a few years further down the road: writing individual comments in
                    every book. Whole-class feedback sheets plus **one** question each student
                    must answer in green pen. Better for them, and I got my Sundays back.
                """),
                thanks=("tyler", "megan"),
                tried=("megan", "kevin"),
            ),
            R(
                "rhys",
                16,
                md("""
                    > Replying to emails after 7 pm

                    This one is the big one. Nobody has ever complained that I answered at
                    8 am instead of 9 pm.
                """),
                thanks=("tyler",),
            ),
        ),
    ),
    ThreadSpec(
        space="General",
        kind=DISCUSSION,
        author="joanne",
        title="Friday check-in: one win, one worry",
        tags=("wellbeing",),
        days_ago=4.9,
        body=md("""
            Same as every Friday. One thing that went well this week (however small) and one
            thing that's on your mind. You don't need to fix anyone's worry; "me too" counts.

            Mine: **win** — a mentee taught her first lesson without notes. **Worry** — I
            have eleven observations to write up before half-term.
        """),
        replies=(
            R(
                "megan",
                2,
                md("""
                    Win: a student who never speaks explained her method to the class.
                    Worry: reports are due in two weeks and I don't know my students' grades
                    as well as I should.
                """),
                thanks=("joanne",),
            ),
            R(
                "tyler",
                3,
                md("""
                    Win: 6th period, fourth good week in a row. Worry: my first formal
                    evaluation is Tuesday.
                """),
                thanks=("joanne", "kevin"),
            ),
            R(
                "kevin",
                4,
                md("""
                    Win: I left school at 4:30 twice. Worry: I said yes to coaching the
                    robotics club and I'm not sure why.
                """),
                thanks=("tyler",),
            ),
            R(
                "sophie",
                6,
                md("""
                    Win: my associate teacher said my transitions are "getting smooth".
                    Worry: I teach a full day next week and I'm terrified.
                """),
                thanks=("joanne", "rhys"),
            ),
            R(
                "javier",
                8,
                md("""
                    Win: the parent from my other thread said hello at the school gate.
                    Worry: none this week, which is itself a bit worrying.
                """),
                thanks=("sam", "joanne"),
            ),
            R(
                "rhys",
                10,
                md("""
                    > Worry: my first formal evaluation is Tuesday.

                    Tyler, teach the lesson you'd teach anyway, and have your routines
                    visible. Evaluators love seeing a class that knows how the room works,
                    and yours does now.
                """),
                thanks=("tyler",),
            ),
            R(
                "sam",
                14,
                md("""
                    Win: one of my Year 7s said "I'm actually good at maths now". Worry:
                    none that belongs here. Cheering you all on.
                """),
                thanks=("megan",),
            ),
            R(
                "joanne",
                16,
                md("""
                    > I said yes to coaching the robotics club and I'm not sure why.

                    Kevin, you're allowed to go back and say "for this term, then I'll
                    review". A yes with an end date is still a yes.
                """),
                thanks=("kevin",),
                tried=("kevin",),
            ),
            R(
                "megan",
                21,
                md("""
                    @sophie_tremblay, you'll be great. Post your full-day question in
                    Questions? I'd love to read the answers too, my first full-day observation
                    is next month.
                """),
                thanks=("sophie",),
            ),
            R(
                "tyler",
                101,
                md("""
                    Evaluation update: "proficient" on everything and she wrote a whole
                    paragraph about my routines. Rhys, you called it. Thank you, all of you.
                """),
                thanks=("rhys", "joanne", "kevin", "megan"),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="sophie",
        title="How did you prepare for your first full day of teaching?",
        tags=("planning",),
        days_ago=0.8,
        grade_bands=("3-5",),
        body=md("""
            Grade 4 French immersion, practicum. Next Thursday I teach the whole day, all
            subjects, with my associate teacher in the room but not stepping in.

            Apart from planning the lessons, what should I prepare? What did you wish you'd
            had ready on your first full day?
        """),
    ),
)


EARLY_LITERACY = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="rosa",
        title="Decodable-text swap this month, and a reminder about children's privacy",
        tags=("decodable texts",),
        days_ago=39.1,
        pinned=True,
        body=md("""
            Two things, friends.

            **1. Decodable-text swap.** Many of you write your own decodable stories. This
            month, share one in the Phonics and decoding space with the phonics stage it
            fits ("CVC words, s a t p i n", "digraphs sh/ch/th"). Rosa's collection from last
            year is at [example.org/early-literacy/decodables](https://example.org/early-literacy/decodables).

            **2. Privacy.** When you describe a reader, please use "a child in my class" or
            "a 6-year-old learning English", never a name, and no photos of children or of
            their writing if the name shows. Camille and I will quietly edit posts that
            slip; it's never a telling-off.

            Thank you for making this such a generous place.
        """),
        thanks=("camille", "chloe", "jonalyn"),
        replies=(
            R(
                "chloe",
                6,
                md("""
                    I'll share the set of "sh / ch / th" stories my Year 2s illustrated last
                    term (illustrations only, no names). They're cheesy, but they're theirs.
                """),
                thanks=("rosa",),
            ),
            R(
                "camille",
                12,
                md("""
                    Merci Rosa. I will add some *textes déchiffrables* in French for CP,
                    in case colleagues teaching French immersion need them.
                """),
                thanks=("rosa",),
            ),
        ),
    ),
    ThreadSpec(
        space="Phonics and decoding",
        kind=QUESTION,
        author="jonalyn",
        title="Grade 2 learners who can say every sound but can't blend them. What worked for you?",
        tags=("phonics", "large classes"),
        days_ago=34.2,
        subjects=("literacy",),
        grade_bands=("k-2",),
        body=md("""
            I have 45 Grade 2 learners in Quezon City. About ten of them know their letter
            sounds very well. But when they read "map" they say /m/ /a/ /p/ ... and then
            "pam" or "mop" or they just guess from the picture.

            We teach reading in Filipino and English, so they are also juggling two sets of
            vowel sounds. What helped your learners make the jump from sounds to words?
        """),
        replies=(
            R(
                "rosa",
                4,
                md("""
                    Two things made the biggest difference for my strugglers:

                    1. **Continuous blending.** Don't stop between sounds: "mmmaaap", not
                       "/m/ - /a/ - /p/". Start with words beginning with sounds you can
                       stretch (m, s, f, l, n) before stop sounds like /p/ and /t/.
                    2. **"Say it slow, say it fast."** Slide your finger under the word while
                       stretching it, then swoop and say it fast.

                    Only 2–3 minutes a time, but several times a day. The picture-guessers
                    improve when you use words with no picture at all for a while.
                """),
                accepted="for grade 2 beginning readers",
                thanks=("jonalyn", "chiamaka"),
                tried=("jonalyn", "chiamaka", "aroha"),
                votes=("jonalyn", "camille", "rhys", "chloe"),
            ),
            R(
                "camille",
                8,
                md("""
                    In France we work a lot on the **syllable** before the word: "m" + "a"
                    = "ma", then "ma" + "p"… For Filipino, which is very syllabic (ma-ta,
                    ba-ba), this could be a good bridge: blend syllables first, then CVC
                    words in English.
                """),
                thanks=("jonalyn",),
                votes=("jonalyn", "rosa"),
            ),
            R(
                "chiamaka",
                12,
                md("""
                    I have 52 in Primary 2, so I do blending **chorally** with actions: arms
                    out to the side for each sound, then clap the hands together for the whole
                    word. Everyone can do it at once and I can see who is not clapping at the
                    right time. Then small group for those ones.
                """),
                accepted="large classes (40+)",
                thanks=("jonalyn", "rosa"),
                tried=("jonalyn",),
                votes=("jonalyn", "rosa", "aroha"),
            ),
            R(
                "rhys",
                20,
                md("""
                    We do daily **5-minute "keep-up" sessions** in Year 1 for children who
                    didn't get that day's phonics. Same day, same sounds, just more practice.
                    It stops the gap from growing.
                """),
                thanks=("jonalyn",),
                votes=("chloe",),
            ),
            R(
                "jonalyn",
                150,
                md("""
                    Thank you po! I tried the stretching words and Chiamaka's arms-and-clap
                    with the whole class. After one week, six of my ten can blend CVC words
                    without guessing. The syllable idea from Camille also helped in our
                    Filipino reading time.
                """),
                thanks=("rosa", "chiamaka"),
            ),
        ),
    ),
    ThreadSpec(
        space="Read-alouds and book lists",
        kind=DISCUSSION,
        author="chloe",
        title="Read-alouds for Year 2s who 'don't like books'",
        tags=("read-alouds",),
        days_ago=28.6,
        subjects=("literacy",),
        grade_bands=("k-2",),
        body=md("""
            I have a little group of boys who announce "books are boring" every time I pick
            one up. They're seven. I refuse to accept that.

            What's the read-aloud that won over your book-refusers? Mine so far:

            - **Not Now, Bernard** by David McKee (the ending gets them every time)
            - **Where the Wild Things Are** by Maurice Sendak, with the wild rumpus acted out
            - Anything with a dog in it, apparently
        """),
        thanks=("rosa", "rhys"),
        replies=(
            R(
                "rhys",
                3,
                md("""
                    Non-fiction! Half my "book refusers" are just fiction refusers. A big book
                    about sharks or diggers with real photos, read with a lot of "did you
                    know…", and they're fighting to sit at the front.
                """),
                thanks=("chloe", "rosa"),
                tried=("chloe",),
            ),
            R(
                "aroha",
                10,
                md("""
                    Our kura has bilingual picture books where one page is te reo Māori and
                    the other English. My quiet readers love being the "experts" who can read
                    the reo page to the English-speaking kids. Being the expert changes
                    everything.
                """),
                thanks=("chloe", "rosa"),
            ),
            R(
                "camille",
                16,
                md("""
                    In French, **Le loup qui voulait changer de couleur** (Orianne Lallemand).
                    A different colour every day of the week, and children predict what
                    colour comes next. Lots of joining in, which is what book-refusers need.
                """),
                thanks=("chloe",),
            ),
            R(
                "chloe",
                40,
                md("""
                    > Half my "book refusers" are just fiction refusers.

                    Rhys, you were right. I read a book about bin lorries (garbage trucks,
                    for the Americans) and one of my refusers asked to take it home. I
                    might frame this moment.
                """),
                thanks=("rhys", "rosa"),
            ),
            R(
                "jonalyn",
                60,
                md("""
                    For my Grade 2s, **Handa's Surprise** by Eileen Browne. The animals
                    stealing the fruit one by one makes them shout. I also use local folk
                    tales told with puppets made from paper bags.
                """),
                thanks=("chloe",),
            ),
        ),
    ),
    ThreadSpec(
        space="Multilingual learners",
        kind=QUESTION,
        author="aroha",
        title="Teaching letter sounds in te reo Māori and English together: confusing for five-year-olds?",
        tags=("phonics", "bilingual readers"),
        days_ago=24.7,
        subjects=("literacy", "ell"),
        grade_bands=("k-2",),
        body=md("""
            Kia ora koutou. My new entrants (5-year-olds) learn to read in te reo Māori
            first, and English comes in during the year. The letters look the same but
            several sounds differ — our vowels are pure, and "wh" is a completely different
            sound.

            Some whānau worry that teaching both at once will confuse the children. In your
            experience, how do you keep two sound systems apart?
        """),
        replies=(
            R(
                "rosa",
                5,
                md("""
                    This is my whole job in San Antonio (Spanish and English), so here's what
                    we do:

                    - **Separate times and spaces** for each language's phonics. Different
                      time of day, even a different corner of the room.
                    - **Colour-code**: the same letter card in two colours, one per language.
                    - **Bridge explicitly**, once both are secure: "In Spanish, *a* says /a/.
                      In English, *a* can say /æ/ like in *cat*. Let's sort these words."

                    Children are much better at keeping languages apart than adults fear. The
                    confusion usually shows up in spelling, and it's temporary.
                """),
                accepted="bilingual classes with two alphabets",
                thanks=("aroha", "camille"),
                tried=("aroha", "chiamaka"),
                votes=("aroha", "camille", "chloe", "chiamaka"),
            ),
            R(
                "chiamaka",
                9,
                md("""
                    We have the same conversation with parents about Igbo and English. What
                    helped: I showed parents children's work in both languages side by side
                    at the end of term one. Seeing is believing.
                """),
                accepted="talking to whānau and parents",
                thanks=("aroha",),
                votes=("aroha", "rosa"),
            ),
            R(
                "camille",
                14,
                md("""
                    > Some whānau worry that teaching both at once will confuse the children.

                    Research on biliteracy mostly says the opposite: strong first-language
                    reading helps the second. @rosa_delgado, do you have a short summary for
                    parents?
                """),
            ),
            R(
                "rosa",
                18,
                md("""
                    Yes, a one-page handout in English and Spanish:
                    [Two languages, one reader](https://example.org/early-literacy/two-languages-handout).
                    Aroha, you're welcome to translate it into te reo if it helps.
                """),
                thanks=("aroha", "camille"),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="chiamaka",
        title="Assessing 52 Primary 2 readers without losing a whole week of teaching",
        tags=("reading assessment", "large classes"),
        days_ago=15.2,
        subjects=("literacy",),
        grade_bands=("k-2",),
        body=md("""
            Our head wants a reading level for every pupil by the end of the month. Listening
            to each child read for ten minutes is 52 × 10 = more than eight hours, and I have
            no assistant. How do you do reading assessment in a big class?
        """),
        replies=(
            R(
                "jonalyn",
                3,
                md("""
                    I have 45, so I feel this. I hear **five children a day** during
                    independent work time, two minutes each, using the same short passage.
                    The others do a reading task they know well. Ten days and everyone is
                    done, and no day is lost.
                """),
                accepted="large classes, one teacher",
                thanks=("chiamaka", "rosa"),
                tried=("chiamaka",),
                votes=("chiamaka", "rosa", "camille"),
            ),
            R(
                "rosa",
                5,
                md("""
                    A **one-minute fluency check** tells you a lot: words read correctly in
                    one minute on a grade-level passage. Then only the children below the
                    benchmark get the longer assessment. Here is how a week could look:

                    | Day | One-minute checks | Longer assessments |
                    |---|---|---|
                    | Monday | 13 children | — |
                    | Tuesday | 13 children | — |
                    | Wednesday | 13 children | — |
                    | Thursday | 13 children | — |
                    | Friday | — | 4–6 children below benchmark |

                    Passages and a scoring sheet are at
                    [example.org/early-literacy/fluency-check](https://example.org/early-literacy/fluency-check).
                """),
                accepted="for a quick fluency check",
                thanks=("chiamaka", "jonalyn"),
                tried=("chiamaka", "chloe"),
                votes=("chiamaka", "jonalyn", "chloe", "rhys"),
            ),
            R(
                "camille",
                9,
                md("""
                    Be careful that fluency alone doesn't hide comprehension problems. I add
                    one question after the minute: "What happened in the story?" It takes
                    twenty seconds.
                """),
                thanks=("chiamaka",),
                votes=("rosa",),
            ),
        ),
    ),
    ThreadSpec(
        space="Phonics and decoding",
        kind=DISCUSSION,
        author="rhys",
        title="Decodable books are boring. Do they have to be?",
        tags=("decodable texts", "phonics"),
        days_ago=10.3,
        subjects=("literacy",),
        grade_bands=("k-2",),
        body=md("""
            Provocative title, sorry. But "Sam sat. Sam sat on a mat. Tap, tap, tap." is not
            making anybody love reading. I believe in decodables for practice, I just wish
            they had a plot.

            Do you write your own? Mix them with real books? Or do we accept they're the
            spelling drills of reading?
        """),
        replies=(
            R(
                "chloe",
                2,
                md("""
                    I write my own with a **running joke**: the same cat ruins everything in
                    every book. By book four they're reading to find out what the cat breaks.
                    Plot doesn't need many words.
                """),
                thanks=("rhys", "rosa"),
                tried=("jonalyn",),
            ),
            R(
                "rosa",
                4,
                md("""
                    > do we accept they're the spelling drills of reading?

                    They're practice, and practice can be joyful, but it's never the whole
                    diet. In my schools every day has **decodable practice and a rich
                    read-aloud**. The read-aloud is where the love comes from; the decodable
                    is where the independence comes from.
                """),
                thanks=("rhys", "camille"),
            ),
            R(
                "camille",
                8,
                md("""
                    In CP, the children illustrate and act out the decodable text after
                    reading it. The text is simple, but the performance is not! They read it
                    many times to rehearse, which is the point.
                """),
                thanks=("rhys",),
                tried=("chloe",),
            ),
            R(
                "jonalyn",
                20,
                md("""
                    Our decodables in Filipino are better than the English ones, because
                    the language is so regular you can write real stories early. Maybe
                    that's a lesson for English writers: use the words you *have* more
                    cleverly.
                """),
                thanks=("rhys",),
            ),
            R(
                "aroha",
                26,
                md("""
                    > the same cat ruins everything in every book

                    Chloe, I'm stealing this. Ours will be a kurī (dog) and it will eat
                    everyone's lunch.
                """),
                thanks=("chloe", "rhys"),
            ),
            R(
                "rhys",
                30,
                md("""
                    Right, I'm convinced. Writing a series this weekend with a badly behaved
                    sheep. Wales, what did you expect.
                """),
                thanks=("chloe", "aroha"),
            ),
        ),
    ),
    ThreadSpec(
        space="Multilingual learners",
        kind=QUESTION,
        author="camille",
        title="Albums bilingues français–arabe pour le CP ? / French–Arabic picture books for grade 1?",
        tags=("bilingual readers", "read-alouds"),
        days_ago=2.6,
        subjects=("literacy", "ell"),
        grade_bands=("k-2",),
        body=md("""
            Bonjour à toutes et à tous. Cette année, six enfants de ma classe de CP parlent
            arabe à la maison. Je cherche des albums bilingues français–arabe pour la
            bibliothèque de classe et pour les prêter aux familles.

            *In English:* six children in my first-grade class speak Arabic at home. I'm
            looking for French–Arabic bilingual picture books for the class library and to
            lend to families. Publishers, titles, anything welcome.
        """),
    ),
)


RIVERSIDE_SCIENCE = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="lena",
        title="PD day agenda: calibrating our common CER assessments",
        tags=("CER", "common assessments"),
        days_ago=37.4,
        pinned=True,
        subjects=("science",),
        body=md("""
            Hi all. Our next district science PD day is at the Riverside Central library.
            The focus is **calibrating how we score the claim–evidence–reasoning (CER)
            items** on the common assessments, so that a "3" means the same at every site.

            | Time | Session | Where |
            |---|---|---|
            | 8:00 | Coffee and site updates | Library |
            | 8:30 | Scoring the same five student responses, alone | Library |
            | 9:30 | Comparing scores by course, discussing the gaps | Rooms 12–14 |
            | 11:00 | Revising the rubric language | Library |
            | 12:00 | Lunch (provided) | Courtyard |
            | 1:00 | Unit planning time by course | Rooms 12–14 |

            Before the day, please:

            - [ ] Bring **three anonymised student CER responses** from your last unit
            - [ ] Read the current rubric: [CER rubric v2](https://example.org/riverside/science/cer-rubric-v2)
            - [x] Answer the equipment survey (done, thank you all)

            Subs are arranged through your site office. Thank you!
        """),
        thanks=("miguel", "grace", "darnell"),
        replies=(
            R(
                "grace",
                5,
                md("""
                    Should the student responses be from the same prompt? Or any CER from the
                    last unit?
                """),
            ),
            R(
                "lena",
                7,
                md("""
                    Any CER from your last unit is fine. We'll score the five shared samples
                    together first; your own are for the afternoon, when you revise by
                    course.
                """),
                thanks=("grace",),
            ),
            R(
                "darnell",
                20,
                md("""
                    Can we get 15 minutes in the afternoon for the AP teachers to align with
                    the College Board rubrics? Our CER looks a bit different.
                """),
            ),
            R(
                "lena",
                23,
                md("""
                    > 15 minutes in the afternoon for the AP teachers

                    Yes, added. @darnell_hayes, would you lead it?
                """),
                thanks=("darnell",),
            ),
        ),
    ),
    ThreadSpec(
        space="Labs and equipment",
        kind=ANNOUNCEMENT,
        author="miguel",
        title="Safety notice: retire alcohol burners by the end of the month",
        tags=("lab safety",),
        days_ago=31.2,
        subjects=("science",),
        body=md("""
            Following the incident at a neighboring district last spring, the district
            safety committee has decided that **alcohol burners are no longer to be used
            in any Riverside science classroom**, effective the end of this month.

            - Each site will receive **hot plates** (one per lab station) in the next two
              weeks.
            - Please box remaining burners and denatured alcohol and label them for pickup
              by facilities. Don't pour anything down the drain.
            - Updated lab procedures that used burners are in the shared drive:
              [revised procedures](https://example.org/riverside/science/revised-heating-labs).

            Questions here, please, so everyone sees the answers.
        """),
        thanks=("lena", "darnell"),
        replies=(
            R(
                "kevin",
                4,
                md("""
                    Our 7th grade density lab uses burners to melt wax for the floating
                    candle part. Is there a hot plate version, or should we drop that part?
                """),
            ),
            R(
                "miguel",
                6,
                md("""
                    Hot plate plus a water bath works fine for the wax; it's in the revised
                    procedures (page 4). It's actually safer because the wax can't overheat.
                """),
                thanks=("kevin",),
            ),
            R(
                "darnell",
                26,
                md("""
                    Central still has two cases of denatured alcohol in the prep room. Who
                    do I call for pickup?
                """),
            ),
            R(
                "miguel",
                28,
                md("""
                    Put in a facilities ticket with "hazmat pickup – science" in the subject
                    line. They batch them on Thursdays.
                """),
                thanks=("darnell",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="kevin",
        title="Pacing: am I the only one three weeks behind in the 7th grade matter unit?",
        tags=("pacing",),
        days_ago=27.8,
        subjects=("science",),
        grade_bands=("6-8",),
        body=md("""
            According to the pacing guide, we should be finishing the chemical reactions
            storyline by now. I'm still on particle models of states of matter. My students
            are getting it, but slowly, and I don't want to rush them.

            Is everyone else on track? What can I cut without breaking the unit?
        """),
        replies=(
            R(
                "grace",
                3,
                md("""
                    You're not the only one! At Jefferson we're about two weeks behind too.
                    Our 6th grade team skipped the second modeling activity (the syringe one)
                    because the first one already got the idea across.
                """),
                thanks=("kevin",),
                votes=("kevin",),
            ),
            R(
                "lena",
                8,
                md("""
                    Kevin, the pacing guide is a guide. The lessons that are **essential**
                    for the end-of-unit assessment are:

                    1. The particle model of states of matter (you're there)
                    2. Lesson 6, the "mystery powders" investigation
                    3. Lesson 9, conservation of mass with the closed-bottle demo

                    Lessons 4, 7 and 8 can be shortened or combined. I'd rather you finish
                    well two weeks late than cover everything on time.
                """),
                accepted="7th grade, unit 2 (matter)",
                thanks=("kevin", "grace"),
                tried=("kevin", "grace"),
                votes=("kevin", "grace", "darnell", "miguel"),
            ),
            R(
                "darnell",
                30,
                md("""
                    From the high school side: please don't cut the particle model. The
                    freshmen who really have it are so much easier to teach in biology.
                """),
                thanks=("kevin",),
                votes=("lena",),
            ),
        ),
    ),
    ThreadSpec(
        space="Unit planning",
        kind=DISCUSSION,
        author="grace",
        title="Anchor phenomenon for the 6th grade weather unit: feedback wanted",
        tags=("phenomena",),
        days_ago=22.3,
        subjects=("science",),
        grade_bands=("6-8",),
        body=md("""
            Draft idea for our weather unit anchor: a **time-lapse video of fog rolling into
            the river valley** in the morning and disappearing by noon, filmed from the
            Jefferson parking lot. Students ask "where does it come from, where does it go?"

            Draft storyline: [weather unit v0.3](https://example.org/riverside/science/weather-unit-draft).

            Does it generate enough questions to carry three weeks? What's missing?
        """),
        thanks=("lena", "kevin"),
        replies=(
            R(
                "lena",
                5,
                md("""
                    I love that it's local. I'd check it reaches the **air masses and
                    fronts** part of the standard; fog on its own gets you water cycle and
                    condensation, but not why the weather changes from day to day.
                """),
                thanks=("grace",),
            ),
            R(
                "darnell",
                9,
                md("""
                    > Does it generate enough questions to carry three weeks?

                    Pair it with a second clip from a day when the fog *didn't* clear. Why
                    not? That's where the fronts come in, and it's a great driving question
                    board moment.
                """),
                thanks=("grace", "lena"),
            ),
            R(
                "kevin",
                30,
                md("""
                    Would you share the video? I'd use it as a hook for my 7th graders in the
                    water cycle review too.
                """),
            ),
            R(
                "grace",
                33,
                md("""
                    Uploaded to the shared drive with the draft. I'll film a "fog that stays"
                    day when we get one, Darnell — great idea.
                """),
                thanks=("kevin",),
            ),
            R(
                "miguel",
                50,
                md("""
                    Chemistry can borrow this too: "Why does the fog disappear?" is a lovely
                    way into vapor pressure for juniors. Thanks for filming it.
                """),
                thanks=("grace",),
            ),
        ),
    ),
    ThreadSpec(
        space="Labs and equipment",
        kind=QUESTION,
        author="darnell",
        title="Anyone have pH probes to lend Central for two weeks?",
        tags=("equipment loans",),
        days_ago=13.1,
        subjects=("science",),
        grade_bands=("9-12",),
        body=md("""
            APES is starting the water quality lab at the river next week, and half of our
            pH probes fail calibration. I need about six working probes for two weeks.
            Any site willing to lend?
        """),
        replies=(
            R(
                "miguel",
                2,
                md("""
                    North has eight that calibrated fine last month. I can send six through
                    interoffice mail on Monday. Please send them back with the storage
                    solution caps on.
                """),
                accepted="for APES water testing",
                thanks=("darnell",),
                votes=("darnell", "lena"),
            ),
            R(
                "lena",
                5,
                md("""
                    Thanks, Miguel. Darnell, please log the loan on the equipment sheet so
                    we know where they are. I'll look into replacing Central's probes from
                    the spring budget.
                """),
                thanks=("darnell",),
            ),
            R(
                "darnell",
                100,
                md("""
                    Probes arrived, all six calibrated. Students tested three sites along the
                    river yesterday. They'll be back to North next Friday.
                """),
                thanks=("miguel",),
            ),
        ),
    ),
    ThreadSpec(
        space="Assessment",
        kind=QUESTION,
        author="grace",
        title="Common assessment for 6th grade unit 3: same CER rubric as unit 2?",
        tags=("CER", "common assessments"),
        days_ago=2.1,
        subjects=("science",),
        grade_bands=("6-8",),
        body=md("""
            Quick check before I print: the unit 3 common assessment has a CER item on the
            energy transfer investigation. Are we scoring it with **rubric v2** from the PD
            day, or the older four-point rubric that's still in the assessment folder?
        """),
    ),
)


GLOBAL_CLASSROOM_CONNECTIONS = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="sam",
        title="Safeguarding basics for every exchange (read before your first project)",
        tags=("safeguarding",),
        days_ago=40.3,
        pinned=True,
        subjects=("global-citizenship",),
        body=md("""
            Welcome to everyone who joined this term. Before you start an exchange, please
            read these. They're what every partner school here has agreed to.

            - **Teachers run every exchange.** Students never get each other's contact
              details, and all messages, letters and videos go through the teachers.
            - **First names only**, and no surnames, school uniforms with crests, or
              street signs in photos and videos.
            - **Consent first.** Use your school's media consent, or our
              [template consent letter](https://example.org/global-classrooms/consent-letter)
              (English, French, Spanish, Portuguese and Swahili).
            - **Live calls are recorded only if both schools agree**, and recordings are
              kept by the teachers, not posted publicly.

            If something worries you during an exchange, tell your partner teacher and
            message Otieno or me. We haven't had a serious problem yet, and these habits
            are why.
        """),
        thanks=("otieno", "fatima", "ana", "diego"),
        replies=(
            R(
                "otieno",
                3,
                md("""
                    Thank you, Sam. I'll add one from our side: **check what your partner's
                    students can access.** Some of my pupils share one phone per family, so
                    anything "homework online" must also work on paper.
                """),
                thanks=("sam", "wanjiru"),
            ),
            R(
                "fatima",
                8,
                md("""
                    Is the consent letter OK to use in India? Our school asks for a letter
                    in Hindi as well.
                """),
            ),
            R(
                "sam",
                11,
                md("""
                    > Our school asks for a letter in Hindi as well.

                    Please adapt it. If you translate it, share it back and I'll add it to
                    the set so the next teacher in India doesn't have to.
                """),
                thanks=("fatima",),
            ),
            R(
                "fatima",
                80,
                md("""
                    Done: the Hindi version is in the shared folder now. A colleague checked
                    the translation.
                """),
                thanks=("sam", "otieno"),
            ),
        ),
    ),
    ThreadSpec(
        space="Find a partner class",
        kind=DISCUSSION,
        author="diego",
        title="EFL secundaria class (13–14) in Guadalajara looking for a letter-exchange partner",
        tags=("letter exchanges",),
        days_ago=34.6,
        subjects=("world-languages",),
        grade_bands=("6-8",),
        body=md("""
            Hello! I teach English in a public secundaria in Guadalajara. My segundo grado
            group (34 students, age 13–14, level about A2) would love real people to write to
            in English.

            My idea: **six letters over one semester**, each on a theme (my town, food, a
            festival, school life, a problem in my city, my future). Handwritten, scanned
            and sent by the teachers.

            Our school year runs late August to July. Anyone?
        """),
        thanks=("sam", "otieno"),
        replies=(
            R(
                "yuki",
                5,
                md("""
                    Hello Diego! My 2nd-year junior high students in Osaka are the same age
                    and level. They're **also** learning English, so both classes would be
                    writing in a foreign language. Is that OK for you? I think it's a good
                    thing: nobody is the "native speaker" expert.
                """),
                thanks=("diego",),
            ),
            R(
                "diego",
                9,
                md("""
                    > nobody is the "native speaker" expert

                    That's perfect actually. My students are shy about making mistakes in
                    front of native speakers. Let's do it! Here's our calendars side by side:

                    | | Guadalajara | Osaka |
                    |---|---|---|
                    | School year | late Aug – July | April – March |
                    | Holidays to avoid | mid Dec – early Jan | late Dec – early Jan, late July – Aug |
                    | Time zone | UTC−6 | UTC+9 |
                    | Class size | 34 | 32 |
                """),
                thanks=("yuki", "sam"),
            ),
            R(
                "fatima",
                20,
                md("""
                    If you'd like a third class, my Class 9 students in Lucknow are a bit
                    older (14–15) but would love this. Three countries could make the
                    "festival" letter amazing.
                """),
                thanks=("diego",),
            ),
            R(
                "yuki",
                26,
                md("""
                    Three classes is great. Let's do letters in a triangle: Guadalajara →
                    Osaka → Lucknow → Guadalajara, so each class reads two other countries.
                """),
                thanks=("diego", "fatima"),
                tried=("julien",),
            ),
            R(
                "sam",
                30,
                md("""
                    Love this. When you're ready, write it up in Project write-ups. A
                    triangle exchange is a pattern other members will want to copy.
                """),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="fatima",
        title="A live call when our school days barely overlap: is it worth it?",
        tags=("live calls",),
        days_ago=29.5,
        subjects=("global-citizenship",),
        grade_bands=("9-12",),
        body=md("""
            Our partner class is in Bordeaux, 3.5 or 4.5 hours behind us depending on the
            season. Our school day ends at 2 pm IST, which is 9:30 or 10:30 in France. Their
            class with Julien is at 11.

            Students really want a live video call. Is it worth the effort, or should we
            just send recorded videos?
        """),
        replies=(
            R(
                "sam",
                4,
                md("""
                    From our Manchester–Kisumu project: **mostly asynchronous, with one live
                    call as the celebration.** Recorded videos for the weekly exchange (1–2
                    minutes each, one question at the end for the other class), and one live
                    call at the end of the project, even if it means staying late once.

                    The students remember the live call, but they *learn* from the videos,
                    because they can rewatch and prepare.
                """),
                accepted="when school days barely overlap",
                thanks=("fatima", "julien"),
                tried=("fatima", "julien"),
                votes=("fatima", "julien", "otieno", "diego"),
            ),
            R(
                "otieno",
                7,
                md("""
                    If the internet is unreliable on either side, record the live call on
                    a phone as a backup and **plan a paper activity** for when it drops.
                    Our call with Sam's class dropped three times. The students laughed,
                    waved, and carried on with the quiz we had printed.
                """),
                accepted="unreliable internet",
                thanks=("fatima", "sam"),
                votes=("fatima", "sam"),
            ),
            R(
                "julien",
                10,
                md("""
                    Fatima, I can move my class to the 10 h slot on a Tuesday once. My
                    *principal* will say yes if it's only once.
                """),
                thanks=("fatima",),
                votes=("fatima",),
            ),
            R(
                "fatima",
                140,
                md("""
                    We did Sam's plan: five weeks of videos and one live call on the Tuesday
                    Julien moved. The Bordeaux students asked mine about the monsoon and
                    mine asked about snow. Worth every minute.
                """),
                thanks=("julien", "sam"),
            ),
        ),
    ),
    ThreadSpec(
        space="Project write-ups",
        kind=DISCUSSION,
        author="otieno",
        title="Write-up: rainfall data with a class in Manchester, round two",
        tags=("shared data", "weather and climate"),
        days_ago=23.7,
        subjects=("geography", "global-citizenship"),
        grade_bands=("6-8",),
        body=md("""
            Project: **Grade 6 (Kisumu) and Year 7 (Manchester) compare rainfall**, eight
            weeks, with Sam's class. Our second time, with this year's pupils.

            **What we did**

            1. Each class built a rain gauge from a plastic bottle and recorded rainfall
               every school day for four weeks.
            2. Data shared weekly in a simple table the teachers swapped by email.
            3. Each class drew bar graphs of *both* towns and wrote three questions for the
               other class.
            4. One live call at the end (see Fatima's thread for how that went).

            **What the pupils made:** a joint poster, "Two towns, one month of rain", now on
            the wall in both schools, and a short
            [slide deck of their questions and answers](https://example.org/global-classrooms/rainfall-kisumu-manchester).

            **What surprised us:** my pupils expected Manchester to be rainier every week.
            In the long rains, Kisumu had more rain in one afternoon than Manchester in a
            week. The arguments about why were the best geography lessons of my year.

            **Next time:** start the gauges a week earlier; the first week's data was messy.
        """),
        thanks=("sam", "wanjiru", "aroha", "ana"),
        tried=("ana", "wanjiru"),
        replies=(
            R(
                "sam",
                2,
                md("""
                    The first round was the best unit I'd ever taught, and this one beat
                    it. My Year 7s still talk about "the day Kisumu had 40 mm". Thank you,
                    Otieno, and your pupils.
                """),
                thanks=("otieno",),
            ),
            R(
                "wanjiru",
                10,
                md("""
                    I'd love to adapt this for Form 2 physics with rainfall and **evaporation**
                    pans. Did you find the bottle gauges accurate enough?
                """),
            ),
            R(
                "otieno",
                13,
                md("""
                    > Did you find the bottle gauges accurate enough?

                    Accurate enough to compare towns, not for science fairs. Cut the bottle
                    where it is straight, and put stones in the bottom so it doesn't blow
                    over. We checked ours against the county weather station twice.
                """),
                thanks=("wanjiru",),
                tried=("wanjiru",),
            ),
            R(
                "aroha",
                30,
                md("""
                    Rotorua is rainy too, we'd love to be a third town next time. My
                    juniors could manage the gauges with help.
                """),
                thanks=("otieno",),
            ),
            R(
                "ana",
                100,
                md("""
                    Started this with my 7º ano class in São Paulo, using the school's
                    weather station data instead of gauges. Looking for a partner class in
                    the other hemisphere!
                """),
                thanks=("otieno", "sam"),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="ana",
        title="Do you let students use machine translation in exchanges?",
        tags=("translation", "letter exchanges"),
        days_ago=18.8,
        subjects=("world-languages", "global-citizenship"),
        grade_bands=("6-8",),
        body=md("""
            My students write in Portuguese and the partner class in Nairobi writes in
            English. Some of my students put everything into a translator, and the letters
            come out fluent but not really theirs.

            Do you allow it? Ban it? Something in between?
        """),
        replies=(
            R(
                "diego",
                3,
                md("""
                    In a **language** class, I don't allow it for writing, because the
                    writing *is* the learning. They may use it to **read** the partner's
                    letter, and then we discuss what the translator got wrong. That's become
                    one of my favourite lessons.
                """),
                accepted="for language-learning classes",
                thanks=("ana", "yuki"),
                tried=("yuki",),
                votes=("ana", "yuki", "sam"),
            ),
            R(
                "julien",
                6,
                md("""
                    For **non-language** projects (my geography exchanges), I allow it
                    openly. The goal is the content, not the English. I ask students to
                    write their own short version first, then translate, then check one
                    sentence that "sounds strange".
                """),
                accepted="for non-language projects (geography, science)",
                thanks=("ana",),
                votes=("ana", "otieno", "fatima"),
            ),
            R(
                "yuki",
                9,
                md("""
                    > They may use it to read the partner's letter, and then we discuss
                    > what the translator got wrong.

                    Trying this. Japanese–English translation makes very funny mistakes with
                    our school words.
                """),
                thanks=("diego",),
            ),
            R(
                "sam",
                14,
                md("""
                    Whatever you decide, **tell the partner teacher**. It matters for how
                    they read the letters.
                """),
                thanks=("ana",),
                votes=("ana",),
            ),
        ),
    ),
    ThreadSpec(
        space="Find a partner class",
        kind=DISCUSSION,
        author="jonalyn",
        title="Grade 2 in Quezon City: swap photos of the weather and the seasons?",
        tags=("weather and climate",),
        days_ago=12.1,
        subjects=("geography", "global-citizenship"),
        grade_bands=("k-2",),
        body=md("""
            Hello! I'm new here. I teach Grade 2 (age 7–8) in a public school in Quezon City,
            45 learners. We have only **two seasons**, wet and dry, and my learners are
            amazed that other places have snow.

            I'd like a partner class to swap **photos and drawings of the weather** once a
            week for a month. We can use English. Our school year runs June to April.
        """),
        thanks=("sam", "aroha"),
        replies=(
            R(
                "aroha",
                4,
                md("""
                    Kia ora Jonalyn! My junior class in Rotorua (5–7 year olds) would love
                    this. We have four seasons and it's getting cold now, so your photos of
                    sunshine will be very popular. We can write in English and te reo Māori.
                """),
                thanks=("jonalyn",),
            ),
            R(
                "sam",
                8,
                md("""
                    Welcome, Jonalyn! Aroha's class is a lovely match. And there's a Year 2
                    teacher in Melbourne who has just asked to join the community for a
                    seasons project, so you may have a third class soon.
                """),
                thanks=("jonalyn",),
            ),
            R(
                "jonalyn",
                12,
                md("""
                    Salamat po! Aroha, I will message you to plan. My learners will draw
                    the rain first, we have a lot of it this month.
                """),
                thanks=("aroha",),
            ),
        ),
    ),
    ThreadSpec(
        space="Project write-ups",
        kind=DISCUSSION,
        author="julien",
        title="Water-access project, part 2: what I'd do differently",
        tags=("live calls",),
        days_ago=7.3,
        subjects=("geography", "global-citizenship"),
        grade_bands=("6-8",),
        body=md("""
            Part 1 was the happy write-up. This is the honest one. Our project on water
            access (Bordeaux 4e, Kisumu Grade 6, Lucknow Class 9) went well, but:

            1. **My students turned it into a charity story.** "Poor children without
               water." I hadn't prepared them to see Kisumu pupils as experts on their own
               town.
            2. **Too many video calls**, not enough thinking between them.
            3. **We ran out of time** for the part where students propose something.

            Next time I will start with what my *own* town gets wrong about water.
        """),
        thanks=("otieno", "fatima"),
        replies=(
            R(
                "otieno",
                5,
                md("""
                    > My students turned it into a charity story.

                    Thank you for writing this, Julien. My pupils noticed it in the
                    questions they received ("do you have clean water?"). What helped in the
                    end was when your students asked *how* we manage water, and my pupils
                    explained the rainwater tanks. They were proud.
                """),
                thanks=("julien", "sam"),
            ),
            R(
                "fatima",
                9,
                md("""
                    In Lucknow we also have water problems, and my students were a bit
                    offended when the French class assumed we didn't. Starting with your own
                    town is exactly right.
                """),
                thanks=("julien",),
            ),
            R(
                "sam",
                20,
                md("""
                    Could we add a "**Before you start: avoid the single story**" section to
                    the community's project guide? @julien_moreau, would you draft it? I think
                    this thread is the draft.
                """),
                thanks=("julien",),
            ),
            R(
                "julien",
                30,
                md("""
                    Avec plaisir. I'll draft it this weekend and post it here for comments.
                """),
                thanks=("sam",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="wanjiru",
        title="Has anyone run a joint experiment where both classes collect data in the same week?",
        tags=("shared data",),
        days_ago=2.4,
        subjects=("science", "global-citizenship"),
        grade_bands=("9-12",),
        body=md("""
            Form 3 physics, Nyeri. I'd like my girls to run the **same solar cooker
            experiment** as a class in another country, in the same week, and compare
            temperatures.

            Has anyone done a synchronised experiment like this? How did you handle different
            equipment and weather on the day?
        """),
    ),
)


ASSESSMENT_FOR_LEARNING = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="eleanor",
        title="This term's focus: hinge questions. Post one you wrote, and what happened",
        tags=("hinge questions",),
        days_ago=41.5,
        pinned=True,
        subjects=("pedagogy",),
        body=md("""
            Each term we pick one technique and try it together. This term: **hinge
            questions**, the single question at the "hinge" of a lesson that tells you
            whether to move on, recap, or split the class.

            What a good hinge question needs:

            - It takes **under two minutes** to ask and read the answers.
            - **Every wrong option** is wrong for a reason you can name.
            - You've decided **before the lesson** what you'll do for each answer.

            Post yours in Questioning and hinge questions, with the subject, age and what
            happened. Dylan Wiliam's original description is a good place to start, and
            there's a short summary at
            [example.org/afl/hinge-questions](https://example.org/afl/hinge-questions).
        """),
        thanks=("aino", "liam", "priya", "kenji"),
        replies=(
            R(
                "aino",
                4,
                md("""
                    Hyvä! I'll post one from my grade 3 fractions unit this week. I've
                    never written distractors so carefully before.
                """),
                thanks=("eleanor",),
            ),
            R(
                "liam",
                9,
                md("""
                    > You've decided before the lesson what you'll do for each answer.

                    This is the bit I always skip. Committing to try it this term.
                """),
                thanks=("eleanor",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="chloe",
        title="Exit tickets with six-year-olds who can't write much yet?",
        tags=("exit tickets",),
        days_ago=35.9,
        subjects=("pedagogy",),
        grade_bands=("k-2",),
        body=md("""
            Year 2 (and some Year 1 children in a composite class). Every "exit ticket"
            example I find assumes students can write a sentence. Half of mine can write
            three words on a good day.

            How do you check understanding at the end of a lesson with children who can't
            write much yet?
        """),
        replies=(
            R(
                "aino",
                3,
                md("""
                    Careful with thumbs up / traffic lights: they tell you how **confident**
                    children feel, not what they understand. Instead, I give a **picture
                    choice**: "Which plate shows the cake shared fairly? Put your counter
                    on it." Each child puts a counter on one of three pictures on the way
                    out. I can see the whole class in ten seconds, and I take a photo.
                """),
                accepted="for Years 1–2 (pre-writers)",
                thanks=("chloe", "camille"),
                tried=("chloe", "camille"),
                votes=("chloe", "eleanor", "camille", "kenji"),
            ),
            R(
                "camille",
                7,
                md("""
                    In CP we use the **ardoise** (slate) for everything: draw the answer,
                    write one number, or a word. Everyone shows at the same time. It's not
                    an exit ticket exactly, but it's a whole-class check in seconds.
                """),
                accepted="whole-class check with slates",
                thanks=("chloe",),
                tried=("chloe",),
                votes=("chloe", "aino"),
            ),
            R(
                "kenji",
                12,
                md("""
                    Also: talk is evidence. "Tell your partner one thing you learned", and
                    walk around listening to four pairs you chose in advance. Different four
                    each lesson.
                """),
                thanks=("chloe",),
                votes=("chloe",),
            ),
            R(
                "chloe",
                80,
                md("""
                    Did the counters on pictures today (which number line shows 7?) and it
                    was brilliant. Two children put their counter on the one that *started*
                    at 1 instead of 0, which is exactly the thing I'd have missed.
                """),
                thanks=("aino", "camille"),
            ),
        ),
    ),
    ThreadSpec(
        space="Questioning and hinge questions",
        kind=DISCUSSION,
        author="aino",
        title="My hinge question for grade 3 fractions — how would you improve the distractors?",
        tags=("hinge questions",),
        days_ago=31.2,
        subjects=("mathematics", "pedagogy"),
        grade_bands=("3-5",),
        body=md("""
            Grade 3, Tampere, end of the second lesson on unit fractions. I wanted to know
            who could move on to comparing fractions.

            **Which is bigger: 1/3 or 1/5?**

            - **A) 1/5** — because 5 is bigger than 3 (whole-number thinking)
            - **B) 1/3** — correct
            - **C) They're the same** — both have a 1 on top
            - **D) You can't tell** — I wanted to catch "it depends on the whole"

            Result: 14 B, 6 A, 1 C, 2 D. I sent the A group to fold paper strips, and the
            B group to comparing. The D answers were actually from my two strongest
            students, which confused me.
        """),
        thanks=("eleanor", "priya", "liam"),
        replies=(
            R(
                "eleanor",
                3,
                md("""
                    > The D answers were actually from my two strongest students

                    That's a lovely problem to have. They're right if the wholes differ!
                    I'd add "**of the same pizza**" to the question, so D becomes wrong for
                    a nameable reason, and keep D as an option. Then the strong ones have to
                    think again.
                """),
                thanks=("aino", "kenji"),
            ),
            R(
                "priya",
                7,
                md("""
                    I'd swap C for a distractor about the **denominator as the number of
                    pieces you have**, e.g. "1/5, because you get five pieces". That's the
                    one my grade 6 students still carry.
                """),
                thanks=("aino",),
            ),
            R(
                "liam",
                11,
                md("""
                    How did you collect the answers? With 23 students, fingers or cards?
                """),
            ),
            R(
                "aino",
                14,
                md("""
                    ABCD cards, printed on card, one set per child. All up at once on "1, 2,
                    3, show". It takes about 40 seconds including counting.
                """),
                thanks=("liam",),
                tried=("liam",),
            ),
            R(
                "kenji",
                26,
                md("""
                    In Japan we would ask "which is bigger, and **draw** why". Slower, but
                    the drawings tell you *which* whole they imagined. Maybe use both: ABCD
                    cards for the decision, then two drawings from the D students.
                """),
                thanks=("aino",),
            ),
            R(
                "sam",
                40,
                md("""
                    Borrowed this for Year 7 fractions revision (with Eleanor's "same
                    pizza"). 9 out of 30 chose A. In Year 7! Thank you for the wake-up call.
                """),
                thanks=("aino",),
            ),
        ),
    ),
    ThreadSpec(
        space="Feedback that gets used",
        kind=QUESTION,
        author="fatima",
        title="160 essays a fortnight: how do you get students to read the comments?",
        tags=("written feedback",),
        days_ago=26.8,
        subjects=("english-language-arts", "pedagogy"),
        grade_bands=("9-12",),
        body=md("""
            I teach English to four sections of Class 11, about 40 students each. Every
            fortnight I write comments on 160 essays. Students look at the mark, and the
            comments go in the bin. I'm spending ten hours a fortnight on something that
            isn't working.
        """),
        replies=(
            R(
                "eleanor",
                3,
                md("""
                    Stop writing individual comments. Read the essays, note the common
                    problems, and write **one whole-class feedback sheet**:

                    | Section | What I saw |
                    |---|---|
                    | Strong work | Three examples, quoted anonymously |
                    | Common errors | The top 3–4, with one example each |
                    | Spelling and grammar | Words many students misspelled |
                    | Your task | One thing each student must fix (by code: A, B, C) |

                    Write a **code** on each essay, and give 15 minutes in the next lesson
                    for students to redo that part. Ten hours become about three, and they
                    actually act on it.
                """),
                accepted="large classes (40+ per section)",
                thanks=("fatima", "liam"),
                tried=("fatima", "liam", "priya"),
                votes=("fatima", "liam", "sam", "aino", "miguel"),
            ),
            R(
                "miguel",
                6,
                md("""
                    For my chemistry lab reports: **comments only, no grade**, until the
                    student has responded to the comments in writing. Then they get the
                    grade. Grumbling for two weeks, then they read every comment.
                """),
                accepted="for lab reports and older students",
                thanks=("fatima",),
                tried=("fatima",),
                votes=("fatima", "eleanor"),
            ),
            R(
                "liam",
                10,
                md("""
                    > Write a code on each essay

                    I do this with maths assessments and it's transformed my marking. Can I
                    add: keep the feedback lesson **within a week**, or they've forgotten
                    the essay.
                """),
                thanks=("fatima",),
                votes=("fatima",),
            ),
            R(
                "fatima",
                170,
                md("""
                    Two rounds of whole-class feedback done. Marking time down to about four
                    hours and, for the first time, I saw students **rewriting paragraphs**
                    in class. Miguel's "no mark until you respond" for the next round.
                """),
                thanks=("eleanor", "miguel"),
            ),
        ),
    ),
    ThreadSpec(
        space="Feedback that gets used",
        kind=DISCUSSION,
        author="miguel",
        title="I stopped putting grades on quizzes for a month. Here's what happened",
        tags=("written feedback",),
        days_ago=20.4,
        subjects=("science", "pedagogy"),
        grade_bands=("9-12",),
        body=md("""
            Chemistry, three sections of juniors. For four weeks, weekly quizzes came back
            with **comments and a "next step" only**, no score. Scores went into my
            gradebook, and students could see them after completing the next step.

            What happened:

            - Week 1: outrage. Three parents emailed.
            - Week 2: students started reading the comments to find out how they'd done.
            - Week 3: most next steps done within two days.
            - Week 4: the unit test average was **8 points higher** than last year's
              (different students, so take it with salt).

            Biggest cost: explaining it to parents. Biggest benefit: conversations about
            chemistry instead of points.
        """),
        thanks=("eleanor", "aino", "liam", "fatima"),
        tried=("fatima", "liam"),
        replies=(
            R(
                "liam",
                2,
                md("""
                    > Three parents emailed.

                    What did you tell them? That's the bit that stops me.
                """),
            ),
            R(
                "miguel",
                5,
                md("""
                    Short version: "Your student's scores are recorded and you can see them
                    on the portal as usual. In class, students see comments first because
                    research shows they read them more carefully that way." Two were fine;
                    the third came round by week three.
                """),
                thanks=("liam", "priya"),
            ),
            R(
                "eleanor",
                8,
                md("""
                    This matches the research on comments vs grades pretty closely. The
                    grade "crowds out" the comment. I'd love the follow-up: do they keep
                    reading comments once the grades come back?
                """),
                thanks=("miguel",),
            ),
            R(
                "priya",
                20,
                md("""
                    In India the marks culture is very strong, and I don't think I could
                    remove marks completely. But I can **delay** them by one lesson. Doing
                    that this week.
                """),
                thanks=("miguel",),
            ),
            R(
                "fatima",
                26,
                md("""
                    > I can delay them by one lesson.

                    Same situation in Lucknow. @priya_raghavan, tell us how it goes. I'll try
                    it with my Class 11 essays.
                """),
                thanks=("priya",),
            ),
            R(
                "aino",
                40,
                md("""
                    In Finland we don't give grades in lower grades at all, so I am used to
                    this. The hard part is not the grades, it's writing next steps that
                    students can actually do. "Explain more" is not a next step.
                """),
                thanks=("miguel", "eleanor"),
            ),
            R(
                "sam",
                46,
                md("""
                    > "Explain more" is not a next step.

                    Guilty. Writing this on a sticky note.
                """),
                thanks=("aino",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questioning and hinge questions",
        kind=QUESTION,
        author="priya",
        title="Cold calling in a class of 45 without it feeling like an ambush?",
        tags=("cold calling",),
        days_ago=15.4,
        subjects=("pedagogy",),
        grade_bands=("6-8",),
        body=md("""
            I've read that "no hands up" questioning gets more students thinking. But when
            I tried cold calling in my grade 7 class, two girls froze and one nearly cried.
            I don't want to go back to the same five hands every time.

            How do you cold call so it feels safe?
        """),
        replies=(
            R(
                "sam",
                3,
                md("""
                    Three things changed it for me:

                    1. **Think time first, then pair talk**, then cold call. Nobody is asked
                       something they haven't had time to rehearse.
                    2. **Ask for the pair's answer**, not the student's: "What did you and
                       your partner say?" It's much less exposing.
                    3. **"Not yet" is allowed**: "I'll come back to you" — and you really do,
                       after two others have answered.

                    Mini whiteboards before the cold call also help: everyone already has an
                    answer in front of them.
                """),
                accepted="large classes (40+)",
                thanks=("priya", "kenji"),
                tried=("priya", "fatima", "camille"),
                votes=("priya", "eleanor", "liam", "kenji"),
            ),
            R(
                "kenji",
                6,
                md("""
                    In our lessons the teacher walks around during independent work and
                    **chooses students in advance**, sometimes saying quietly "I'd like you
                    to share this". Then it isn't cold at all. It's a warm call.
                """),
                accepted="when you want specific solutions shared",
                thanks=("priya", "aino"),
                tried=("priya",),
                votes=("priya", "aino", "sam"),
            ),
            R(
                "liam",
                9,
                md("""
                    And explain *why* you cold call. I tell Year 8s: "I ask everyone because
                    everyone's thinking matters to me, not to catch you out." Sounds cheesy,
                    works.
                """),
                thanks=("priya",),
                votes=("priya",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="kenji",
        title="Self-assessment in grade 5: do your students rate themselves too high?",
        tags=("self-assessment",),
        days_ago=9.1,
        subjects=("pedagogy",),
        grade_bands=("3-5",),
        body=md("""
            We introduced a simple self-assessment rubric (3 levels) for written
            explanations in grade 5 maths. Almost every student gives themselves the top
            level, even when their explanation is one word.

            Is this normal? How do you help students assess themselves honestly?
        """),
        replies=(
            R(
                "aino",
                5,
                md("""
                    Very normal. Before they assess themselves, have them assess **three
                    anonymous examples** (one at each level) and discuss. Once they've seen
                    what "level 3" looks like, they are much more honest.
                """),
                thanks=("kenji", "chloe"),
                tried=("chloe",),
                votes=("kenji", "chloe", "eleanor"),
            ),
            R(
                "chloe",
                24,
                md("""
                    Even my Year 2s do better when the levels are **described as actions**
                    ("I used a picture AND words") rather than qualities ("good
                    explanation").
                """),
                thanks=("kenji",),
                votes=("kenji",),
            ),
            R(
                "eleanor",
                30,
                md("""
                    Also worth asking what happens after they self-assess. If nothing
                    changes, honesty costs them nothing and gains them nothing. Make the
                    next task depend on the level they chose.
                """),
                thanks=("kenji",),
                votes=("kenji", "aino"),
            ),
        ),
    ),
    ThreadSpec(
        space="General",
        kind=DISCUSSION,
        author="camille",
        title="A month of slates every day in a French CP class: my notes",
        tags=("exit tickets",),
        days_ago=4.4,
        subjects=("pedagogy", "literacy"),
        grade_bands=("k-2",),
        body=md("""
            After Chloe's question about exit tickets, I wrote down what I noticed using the
            ardoise (slate) every day for a month with my CP (6-year-olds):

            - **Dictée de syllabes** on slates: I see at once which sounds are missing.
            - Children who never raise their hand show answers every time.
            - The cost: **noise and chalk dust**, and five minutes to teach "write, hide,
              show, erase" properly.
            - I now plan two slate moments per lesson, and change the next activity
              depending on what I see.

            Has anyone tried the same in older classes?
        """),
        thanks=("chloe", "aino"),
        tried=("chloe",),
        replies=(
            R(
                "chloe",
                3,
                md("""
                    Merci Camille! We use mini whiteboards in Year 2 now, after your answer
                    in my thread. "Write, hide, show" is exactly the routine that made it
                    work.
                """),
                thanks=("camille",),
            ),
            R(
                "aino",
                8,
                md("""
                    > I now plan two slate moments per lesson

                    This is the important part. The slates are only useful if the next
                    activity really changes. Lovely notes.
                """),
                thanks=("camille",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="liam",
        title="Research on the timing of feedback: same lesson or next day?",
        tags=("written feedback", "research"),
        days_ago=1.1,
        subjects=("pedagogy",),
        body=md("""
            Our school is debating whether feedback on quizzes should be given in the same
            lesson (self-marking) or the next day (teacher-marked). Both camps quote
            research at each other.

            Does anyone know a good summary of what the evidence actually says about the
            **timing** of feedback, ideally for secondary maths?
        """),
    ),
)


PRACTITIONER_INQUIRY = (
    ThreadSpec(
        space="General",
        kind=ANNOUNCEMENT,
        author="claire",
        title="Spring inquiry cycle: sign-ups open, and who the faculty mentors are",
        tags=("research ethics",),
        days_ago=39.8,
        pinned=True,
        subjects=("pedagogy",),
        body=md("""
            The spring cycle of practitioner inquiry starts in three weeks. Each project is
            small, classroom-sized and yours: one focused question, some evidence, and a
            poster or short talk at the June showcase.

            How it works:

            - [ ] **Sign up** with a one-paragraph idea on the
              [sign-up form](https://example.org/lakeshore/inquiry-signup)
            - [ ] Meet your **faculty mentor** (Omar, me, or one of our graduate students)
            - [ ] Check what your school or district requires **before** you collect
              anything from students
            - [ ] Post your plan in Inquiry projects, one thread per project
            - [ ] Share findings at the June showcase

            Teachers, candidates and faculty take part as equals. Les projets en français
            sont les bienvenus.
        """),
        thanks=("omar", "sophie", "kenji", "joanne"),
        replies=(
            R(
                "julien",
                30,
                md("""
                    Bonjour Claire. Can someone outside Canada sign up? I teach in Bordeaux
                    and I'm interested in how my students use maps as evidence.
                """),
            ),
            R(
                "claire",
                33,
                md("""
                    > Can someone outside Canada sign up?

                    Absolument. Mentoring happens online, and we have a member in Japan
                    already. Just check what your own school requires for consent.
                """),
                thanks=("julien",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="sophie",
        title="Do I need ethics approval to use my students' exit tickets in my practicum inquiry?",
        tags=("research ethics",),
        days_ago=33.6,
        subjects=("pedagogy",),
        grade_bands=("3-5",),
        body=md("""
            For my practicum inquiry I'd like to look at grade 4 students' exit tickets
            before and after I change how I give oral feedback. I'd only use them for my
            course assignment, with no names.

            Do I need research ethics approval? My associate teacher says it's fine, but I
            want to be sure before I start.
        """),
        replies=(
            R(
                "claire",
                4,
                md("""
                    Good question to ask first, Sophie. For **Lakeshore teacher candidates**:
                    work collected as part of normal teaching, used only for your course
                    assignment and not published, is covered by the course's approval. You
                    do need to:

                    - tell your associate teacher and principal what you're collecting;
                    - remove names before the work leaves the classroom;
                    - **not** present it outside the course (the June showcase counts as
                      outside!) without a separate approval.

                    The faculty's page is here:
                    [inquiry and research ethics for candidates](https://example.org/lakeshore/inquiry-ethics).
                """),
                accepted="Lakeshore teacher candidates (practicum)",
                thanks=("sophie", "omar"),
                votes=("sophie", "omar", "joanne", "kenji"),
            ),
            R(
                "joanne",
                7,
                md("""
                    For practising teachers doing inquiry **outside** a university course,
                    it's usually your school board's rules that apply. In Nova Scotia that
                    meant a short form to the board and a letter home to families. Ask your
                    principal who handles it; there almost always is someone.
                """),
                accepted="classroom teachers outside a university course",
                thanks=("sophie", "claire"),
                votes=("sophie", "claire"),
            ),
            R(
                "omar",
                9,
                md("""
                    > the June showcase counts as outside!

                    Worth repeating. Plan for it now: if you might want to present, apply
                    for approval at the start, not in May.
                """),
                thanks=("sophie",),
                votes=("sophie",),
            ),
        ),
    ),
    ThreadSpec(
        space="Inquiry projects",
        kind=DISCUSSION,
        author="kenji",
        title="Inquiry: does neriage help quieter students explain their thinking?",
        tags=("student voice", "data collection"),
        days_ago=27.9,
        subjects=("mathematics", "pedagogy"),
        grade_bands=("3-5",),
        body=md("""
            **Question:** In my grade 5 maths class, does the whole-class comparison of
            solutions (*neriage*) help the quieter students explain their reasoning, or do
            the confident students dominate?

            **Plan for evidence:**

            | What | When | How |
            |---|---|---|
            | Who speaks in neriage | 8 lessons | Tally by a colleague observing |
            | Written explanations | Weeks 1 and 6 | Same task, scored with a 3-level rubric |
            | Student voice | Week 6 | Short interviews with 6 quieter students |

            I'd welcome comments, especially on how to define "quieter students" without
            labelling them.
        """),
        thanks=("omar", "claire"),
        replies=(
            R(
                "omar",
                5,
                md("""
                    Lovely, focused question. On "quieter students": you could define the
                    group by **behaviour in the first two lessons** (students who spoke
                    fewer than twice), rather than by your impression. That also gives you
                    a baseline.
                """),
                thanks=("kenji",),
                tried=("kenji",),
            ),
            R(
                "claire",
                9,
                md("""
                    > Written explanations — Weeks 1 and 6

                    Consider a middle point (week 3) too. With only two, you won't know
                    whether change happened gradually or after one particular lesson.
                """),
                thanks=("kenji",),
            ),
            R(
                "sophie",
                30,
                md("""
                    I'm learning so much from reading this thread. Kenji, how do the quieter
                    students know that their solution will be shared? Do you tell them in
                    advance?
                """),
            ),
            R(
                "kenji",
                34,
                md("""
                    Yes, usually while walking around I say "I'd like to show this one,
                    is that OK?" Nobody has said no yet. But that choice itself is
                    something I should record. Thank you, Sophie, that is a good catch.
                """),
                thanks=("sophie",),
            ),
        ),
    ),
    ThreadSpec(
        space="Reading circle",
        kind=DISCUSSION,
        author="omar",
        title="Reading circle, week 3: Cochran-Smith & Lytle, 'Inquiry as Stance', chapter 4",
        days_ago=20.6,
        subjects=("pedagogy",),
        body=md("""
            This week's reading is chapter 4 of *Inquiry as Stance: Practitioner Research
            for the Next Generation* (Cochran-Smith & Lytle, 2009). Library link:
            [Lakeshore library catalogue](https://example.org/lakeshore/library/inquiry-as-stance).

            Three prompts to start us off:

            1. What does "stance" add that "method" doesn't?
            2. Where do you see inquiry as stance in your school, even if nobody calls it
               that?
            3. What makes it hard?

            Reply to any of them, in English or French.
        """),
        thanks=("claire", "joanne"),
        replies=(
            R(
                "joanne",
                8,
                md("""
                    On 2: our new-teacher circles are the nearest thing. Nobody calls it
                    research, but new teachers bring a problem, we look at evidence from
                    their classroom, and they try something. The difference is we never
                    write anything down.
                """),
                thanks=("omar",),
            ),
            R(
                "julien",
                20,
                md("""
                    Sur la question 1 : pour moi, la « posture » veut dire que l'enquête
                    n'est pas un projet avec un début et une fin, mais une façon de
                    regarder sa classe tous les jours. C'est plus exigeant qu'une méthode.

                    *(On 1: stance means inquiry isn't a project with a start and an end,
                    but a daily way of looking at your class. It asks more of you than a
                    method.)*
                """),
                thanks=("omar", "sophie"),
            ),
            R(
                "sophie",
                26,
                md("""
                    > une façon de regarder sa classe tous les jours

                    Oui ! And on 3: as a candidate, it's hard because I'm a guest in
                    someone else's classroom. I can ask questions, but I can't change much.
                """),
                thanks=("julien",),
            ),
            R(
                "claire",
                30,
                md("""
                    Sophie, that's an important point the chapter doesn't really address:
                    inquiry when you don't have the authority to change the conditions. We
                    could make it next week's discussion.
                """),
                thanks=("sophie",),
            ),
            R(
                "omar",
                34,
                md("""
                    > The difference is we never write anything down.

                    @joanne_macleod, this might be your spring project: what happens when the
                    circle *does* write it down?
                """),
                thanks=("joanne",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="julien",
        title="Comment analyser de courts entretiens avec des élèves ? (Analysing short student interviews)",
        tags=("interviews", "data analysis"),
        days_ago=14.2,
        subjects=("pedagogy",),
        grade_bands=("6-8",),
        body=md("""
            J'ai enregistré huit entretiens de cinq minutes avec des élèves de 4e sur la
            façon dont ils lisent une carte. Je ne sais pas par où commencer l'analyse.

            *In English:* I've recorded eight five-minute interviews with 13-year-olds
            about how they read maps. Where do I start with the analysis? I have no
            research training beyond my teaching degree.
        """),
        replies=(
            R(
                "claire",
                6,
                md("""
                    Bonne nouvelle : huit entretiens courts, c'est très faisable. Je propose :

                    1. **Transcrire** (ou au moins noter les passages importants).
                    2. **Première lecture** : noter en marge ce que fait l'élève (« cherche
                       la légende », « compare avec un lieu connu »).
                    3. **Regrouper** ces notes en 4–6 catégories.
                    4. **Deuxième lecture** avec les catégories, et compter.

                    *(Transcribe, note what each student does in the margin, group the notes
                    into 4–6 categories, then reread with the categories and count.)*
                """),
                accepted="première analyse, petit corpus",
                thanks=("julien", "omar"),
                tried=("julien",),
                votes=("julien", "omar", "sophie"),
            ),
            R(
                "omar",
                10,
                md("""
                    Adding to Claire's steps: ask a colleague to code **two** of the
                    interviews with your categories, without seeing yours. Where you
                    disagree, your categories need sharper definitions. It's the cheapest
                    check on your own bias.
                """),
                accepted="checking your categories with a colleague",
                thanks=("julien", "claire"),
                votes=("julien", "claire"),
            ),
            R(
                "julien",
                90,
                md("""
                    Merci à tous les deux. Six catégories after the first pass; my colleague
                    disagreed with me on "uses the legend" vs "guesses from colours", which
                    was exactly the interesting part.
                """),
                thanks=("claire",),
            ),
        ),
    ),
    ThreadSpec(
        space="Inquiry projects",
        kind=DISCUSSION,
        author="sophie",
        title="Inquiry plan: more spoken French in a grade 4 immersion class — feedback please",
        tags=("data collection",),
        days_ago=7.8,
        subjects=("world-languages", "pedagogy"),
        grade_bands=("3-5",),
        body=md("""
            **Question:** If I give students a daily "défi oral" (a two-minute speaking
            challenge with a partner), do they use more French during group work?

            **Steps:**

            - [x] Talk to my associate teacher and principal
            - [x] Check the course's ethics rules (thanks, Claire, in my other thread)
            - [ ] Baseline: listen to three groups for five minutes, three days, and tally
              French vs English turns
            - [ ] Four weeks of défis oraux
            - [ ] Same tally again, plus a short student survey

            Is a tally of turns too crude? I don't have time for recordings.
        """),
        thanks=("claire", "omar"),
        replies=(
            R(
                "omar",
                6,
                md("""
                    A tally is fine for a first cycle, as long as you define a "turn"
                    before you start. Use the **same three groups** each time, and note
                    what task they were doing; group work on a worksheet and group work on
                    a game will give very different numbers.
                """),
                thanks=("sophie",),
            ),
            R(
                "kenji",
                10,
                md("""
                    Maybe also note **who** speaks French. If the total goes up but it's the
                    same two students, that's a different finding.
                """),
                thanks=("sophie",),
            ),
            R(
                "claire",
                20,
                md("""
                    Good plan, and well scoped for a practicum. One more: write down your
                    **prediction** now, before the baseline. Comparing what you expected to
                    what you found is often the most interesting part of the write-up.
                """),
                thanks=("sophie",),
            ),
        ),
    ),
    ThreadSpec(
        space="Questions",
        kind=QUESTION,
        author="joanne",
        title="Has anyone used a mentoring log as inquiry data?",
        tags=("research ethics", "mentoring"),
        days_ago=2.9,
        subjects=("pedagogy",),
        body=md("""
            Taking up Omar's challenge from the reading circle. I keep a log of every
            mentoring conversation with new teachers: date, topic, what they decided to try.

            Could that log itself be the data for an inquiry project? What would I need to
            think about, given that the new teachers didn't write it and didn't know it
            might be used?
        """),
    ),
)


THREADS: dict[str, tuple[ThreadSpec, ...]] = {
    "middle-school-maths": MIDDLE_SCHOOL_MATHS,
    "edtech-tools-and-tips": EDTECH_TOOLS_AND_TIPS,
    "first-year-circle": FIRST_YEAR_CIRCLE,
    "early-literacy": EARLY_LITERACY,
    "riverside-science": RIVERSIDE_SCIENCE,
    "global-classroom-connections": GLOBAL_CLASSROOM_CONNECTIONS,
    "assessment-for-learning": ASSESSMENT_FOR_LEARNING,
    "practitioner-inquiry": PRACTITIONER_INQUIRY,
}
