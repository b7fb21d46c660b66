"""The demo communities, their spaces, members and pending requests."""

from staffroom.communities.models import JoinPolicy, Visibility
from staffroom.demo.data.specs import CommunitySpec, prose

COMMUNITIES = [
    CommunitySpec(
        slug="middle-school-maths",
        name="Middle-school maths",
        tagline="Ratios, integers and first steps into algebra with 11–14 year olds.",
        domain_statement=prose("""
            This is a community for people who teach mathematics to 11 to 14 year olds:
            grades 6 to 8, Years 7 to 9, secundaria, whatever your system calls it. It is the
            age when many students decide whether they are "a maths person", and we think that
            decision gets made in ordinary lessons on fractions, ratio, negative numbers and the
            first letters in algebra.

            We share tasks that worked (and ones that flopped, with the reason), talk through
            student misconceptions, and help each other plan tomorrow's lesson. Questions from
            every level of experience are welcome; a first-year teacher asking how to introduce
            equations is exactly who this community is for.

            A few habits: say which grade and curriculum you teach, credit the source of any
            task you share, and when an answer helps you, come back and tell us how the lesson
            went.
        """),
        visibility=Visibility.PUBLIC,
        join_policy=JoinPolicy.OPEN,
        subjects=("mathematics",),
        grade_bands=("6-8",),
        languages=("en", "es"),
        steward="marcus",
        founded_days_ago=540,
        spaces=(
            ("General", "Introductions, news and conversations that fit nowhere else."),
            ("Questions", "Stuck on a topic, a task or a class? Ask here; accept the answer."),
            ("Tasks and lesson ideas", "Rich tasks, starters and sequences you have taught."),
            ("Misconceptions clinic", "What students get wrong, why, and what helped them."),
        ),
        moderators=("sam", "priya"),
        members=("eleanor", "liam", "lucia", "kenji", "wanjiru", "megan"),
        tags=("algebra", "ratio", "fractions", "negative numbers", "graphs", "large classes"),
        tag_followers=(
            ("megan", "algebra"),
            ("lucia", "fractions"),
            ("priya", "large classes"),
            ("sam", "ratio"),
        ),
    ),
    CommunitySpec(
        slug="edtech-tools-and-tips",
        name="EdTech tools and tips",
        tagline="Classroom technology that earns its place, reviewed honestly by teachers.",
        domain_statement=prose("""
            EdTech tools and tips is for any educator who uses technology with students, or is
            being asked to. Nobody here is selling anything, and features don't impress us. The
            question we keep asking is: what did students actually learn, and was the tool
            worth the log-in, the data and the time?

            Post a review after you've used a tool with a real class, ask before you buy, and
            share the small workflows that save you an hour a week. Coaches, librarians and IT
            staff are as welcome as classroom teachers, and so are questions about privacy and
            low-bandwidth classrooms.

            If you have a commercial interest in a product, say so whenever you mention it.
            Promotion of your own product gets removed.
        """),
        visibility=Visibility.PUBLIC,
        join_policy=JoinPolicy.OPEN,
        subjects=("educational-technology", "computer-science"),
        grade_bands=("k-2", "3-5", "6-8", "9-12"),
        languages=("en", "es", "pt"),
        steward="jasmine",
        founded_days_ago=420,
        spaces=(
            ("General", "Introductions, news from the edtech world, and everything else."),
            ("Questions", "Which tool for which job? Ask before you buy or roll out."),
            ("Tool reviews", "Write-ups after real classroom use: what worked, what didn't."),
            ("Workflows and shortcuts", "Small habits and set-ups that save teachers time."),
            ("Privacy and data", "Student data, consent, terms of service and safe settings."),
        ),
        moderators=("aisha", "arjun"),
        members=("denise", "adebayo", "marta", "ana", "kevin", "tyler", "yuki"),
        tags=(
            "student privacy",
            "low bandwidth",
            "shared devices",
            "exit tickets",
            "accessibility",
            "open source",
        ),
        tag_followers=(
            ("aisha", "student privacy"),
            ("ana", "low bandwidth"),
            ("tyler", "shared devices"),
        ),
        banned=(
            (
                "brandon",
                "Posted links to his own paid grading app in every space and ignored two "
                "warnings from the moderators.",
            ),
        ),
    ),
    CommunitySpec(
        slug="first-year-circle",
        name="First-year teachers' circle",
        tagline="A private, kind place for teachers in their first years. No question too small.",
        domain_statement=prose("""
            This circle is for teachers in their first or second year in the classroom, and
            for a few experienced colleagues invited to listen and help. It is secret on
            purpose: nobody outside can see that it exists, who is in it or what is said. You
            can write "I cried in the car park today" here without it following you into an
            appraisal.

            We talk about behaviour, planning that doesn't eat your weekends, parent e-mails,
            observations, and the days when it all feels like too much. Practical answers come
            first; reassurance always.

            Joining is by invitation link only. If you mentor a new teacher, ask a steward for
            a link to pass on. What is shared in the circle stays in the circle.
        """),
        visibility=Visibility.SECRET,
        join_policy=JoinPolicy.INVITE,
        subjects=("pedagogy", "wellbeing"),
        grade_bands=("k-2", "3-5", "6-8", "9-12"),
        languages=("en",),
        steward="joanne",
        founded_days_ago=200,
        spaces=(
            ("General", "Weekly check-ins, small wins and introductions."),
            ("Questions", "Anything you would be embarrassed to ask in the staffroom."),
            ("Behaviour and routines", "Starting lessons, ending lessons and everything between."),
            ("Workload and wellbeing", "Marking, planning, sleep and saying no."),
        ),
        moderators=("rhys",),
        members=("tyler", "kevin", "megan", "javier", "sophie", "sam"),
        tags=("behaviour", "planning", "marking", "parents", "wellbeing", "workload"),
        tag_followers=(
            ("sam", "parents"),
            ("tyler", "planning"),
            ("megan", "workload"),
        ),
        invitations=(("For new teachers in the autumn mentoring cohort", 60, 25),),
    ),
    CommunitySpec(
        slug="early-literacy",
        name="Early literacy",
        tagline="Phonics, talk and a love of books for readers aged three to eight.",
        domain_statement=prose("""
            Early literacy brings together educators who teach children from about three to
            eight years old to speak, read and write: early-years practitioners, kindergarten
            and primary teachers, reading specialists and the librarians who keep the book
            corners full.

            We believe in systematic phonics and in rich talk and stories, not one at the
            expense of the other. We share decodable texts and read-aloud favourites, work
            through assessment and intervention together, and support colleagues whose
            children are learning to read in a second or third language.

            Membership is by request so that conversations about individual children stay
            respectful. In your request, tell us a little about the children you teach. Never
            post names, photos or details that could identify a child.
        """),
        visibility=Visibility.MEMBERS,
        join_policy=JoinPolicy.REQUEST,
        subjects=("literacy", "english-language-arts", "ell"),
        grade_bands=("early-years", "k-2"),
        languages=("en", "es", "fr"),
        steward="rosa",
        founded_days_ago=610,
        spaces=(
            ("General", "Introductions, news and conversations about young readers."),
            ("Questions", "Ask about a reader, a routine or a resource."),
            ("Phonics and decoding", "Sequences, routines, decodable texts and intervention."),
            ("Read-alouds and book lists", "Books children beg to hear again, by age and theme."),
            ("Multilingual learners", "Learning to read across two or more languages."),
        ),
        moderators=("camille",),
        members=("chiamaka", "chloe", "aroha", "rhys", "jonalyn"),
        tags=(
            "phonics",
            "decodable texts",
            "read-alouds",
            "bilingual readers",
            "reading assessment",
            "large classes",
        ),
        tag_followers=(
            ("chiamaka", "large classes"),
            ("jonalyn", "bilingual readers"),
            ("chloe", "read-alouds"),
        ),
        pending=(
            (
                "sam",
                "I'm a secondary maths teacher, but this year I've taken on a reading catch-up "
                "group for Year 7s who arrived reading well below their age. I'd like to learn "
                "how early-years colleagues teach decoding, without using texts that feel "
                "babyish to eleven-year-olds.",
            ),
            (
                "thandiwe",
                "Grade 1 teacher in Durban with 38 learners. Most of them learn to read in "
                "isiZulu first and English second, and I'm looking for colleagues who teach "
                "phonics in two languages.",
            ),
        ),
    ),
    CommunitySpec(
        slug="riverside-science",
        name="Riverside USD science department",
        tagline="The district's science teachers, grades 6–12, planning together across schools.",
        domain_statement=prose("""
            This is the working space for science teachers across Riverside Unified School
            District, from sixth-grade science to AP Chemistry. It replaces the reply-all
            e-mail chains: unit planning, lab safety updates, shared assessments aligned to the
            California NGSS, and the equipment we can lend each other between sites.

            Membership is limited to district staff with a riverside-usd.example address, and a
            steward confirms each request so we know which site and courses you teach.
            Discussion is professional but informal: share drafts, ask for help, disagree about
            phenomena.

            Anything involving student records stays in the district's systems, not here.
        """),
        visibility=Visibility.MEMBERS,
        join_policy=JoinPolicy.REQUEST,
        subjects=("science",),
        grade_bands=("6-8", "9-12"),
        languages=("en", "es"),
        steward="lena",
        founded_days_ago=365,
        spaces=(
            ("General", "Department news, PD dates and notes from the district office."),
            ("Questions", "Ask colleagues at other sites: content, pacing, logistics."),
            ("Unit planning", "Storylines, phenomena and shared unit plans by course."),
            ("Labs and equipment", "Safety notices, lab write-ups and equipment to borrow."),
            ("Assessment", "Common assessments, rubrics and calibration sessions."),
        ),
        moderators=("miguel",),
        members=("grace", "darnell", "kevin"),
        tags=(
            "CER",
            "common assessments",
            "lab safety",
            "pacing",
            "phenomena",
            "equipment loans",
        ),
        tag_followers=(
            ("miguel", "common assessments"),
            ("kevin", "lab safety"),
            ("darnell", "phenomena"),
        ),
        pending=(
            (
                "hannah",
                "Hi! I moved from a charter school to Riverside North this year and teach 8th "
                "grade earth science. I'd love access to the shared units and the equipment "
                "list.",
            ),
        ),
        organization="riverside-usd",
        restricted_to_organization=True,
    ),
    CommunitySpec(
        slug="global-classroom-connections",
        name="Global classroom connections",
        tagline="Partner your class with one in another country, and make the project happen.",
        domain_statement=prose("""
            Global classroom connections is for teachers who want their students to learn with,
            not just about, young people in other countries. We pair classes for projects that
            fit the curriculum you already teach: comparing rainfall data in maths, exchanging
            letters in a language class, investigating water access in geography, reading the
            same novel on two continents.

            Posts here are partner requests, project plans and honest write-ups of what worked
            across time zones, languages and unreliable internet. Members teach in more than a
            dozen countries, so please say where you are, how old your students are and when
            your school year runs.

            Requests to join are approved by a steward so that every member is a practising
            educator. Students' safety and privacy come first in every exchange: no student
            surnames, no personal contact details, and exchanges always run through teachers.
        """),
        visibility=Visibility.PUBLIC,
        join_policy=JoinPolicy.REQUEST,
        subjects=("global-citizenship", "world-languages", "geography", "social-studies"),
        grade_bands=("3-5", "6-8", "9-12"),
        languages=("en", "es", "fr", "pt", "ja", "sw"),
        steward="sam",
        founded_days_ago=300,
        spaces=(
            ("General", "Introductions: where you teach, your students and your calendar."),
            ("Questions", "Time zones, translation, safeguarding and the practical questions."),
            ("Find a partner class", "Describe your class and the project you have in mind."),
            ("Project write-ups", "What you did together, what the students made, what next."),
        ),
        moderators=("otieno",),
        members=("wanjiru", "yuki", "diego", "aroha", "julien", "fatima", "ana", "jonalyn"),
        tags=(
            "safeguarding",
            "letter exchanges",
            "live calls",
            "shared data",
            "translation",
            "weather and climate",
        ),
        tag_followers=(
            ("sam", "shared data"),
            ("yuki", "letter exchanges"),
            ("aroha", "weather and climate"),
        ),
        pending=(
            (
                "adebayo",
                "I teach computer studies to SS1 students in Lagos and would love to pair them "
                "with a class elsewhere to build a small website together over a term. Our lab "
                "has reliable power on weekday mornings, West Africa Time.",
            ),
            (
                "chloe",
                "Year 2 teacher in Melbourne. Next term's unit is 'Where in the world?' and I'd "
                "love a partner class in the northern hemisphere to swap photos of the seasons "
                "and picture-book recommendations with.",
            ),
        ),
        invitations=(("Partner schools from the spring water-access project", 30, 10),),
    ),
    CommunitySpec(
        slug="assessment-for-learning",
        name="Assessment for learning",
        tagline="Questioning, hinge questions and feedback that change the next five minutes.",
        domain_statement=prose("""
            Assessment for learning is about the minute-by-minute and day-by-day decisions a
            teacher makes from what students show them, not about grades, reports or data
            drops. This community is for teachers of any subject and age who want to get better
            at questioning, hinge-point questions, exit tickets, peer and self-assessment, and
            feedback that students actually act on.

            Content is visible to members only, so share real (anonymised) student work and talk
            frankly about what isn't working. Anyone can join straight away.

            When you share a technique, tell us the subject, the age group and what you would
            change next time. Research is welcome; so is "I tried this on Tuesday and here is
            what happened".
        """),
        visibility=Visibility.MEMBERS,
        join_policy=JoinPolicy.OPEN,
        subjects=("pedagogy", "mathematics", "english-language-arts", "science"),
        grade_bands=("3-5", "6-8", "9-12"),
        languages=("en", "fi"),
        steward="eleanor",
        founded_days_ago=480,
        spaces=(
            ("General", "Introductions and conversations about assessment in your school."),
            ("Questions", "Ask about a technique, a class or a piece of student work."),
            ("Questioning and hinge questions", "Questions that tell you what to do next."),
            ("Feedback that gets used", "Marking less, and getting students to act on more."),
        ),
        moderators=("aino",),
        members=("sam", "kenji", "priya", "liam", "miguel", "camille", "fatima", "chloe"),
        tags=(
            "hinge questions",
            "exit tickets",
            "written feedback",
            "self-assessment",
            "cold calling",
            "research",
        ),
        tag_followers=(
            ("sam", "hinge questions"),
            ("fatima", "written feedback"),
            ("chloe", "exit tickets"),
        ),
    ),
    CommunitySpec(
        slug="practitioner-inquiry",
        name="Practitioner inquiry",
        tagline="Small, honest studies of your own classroom, with Lakeshore's education faculty.",
        domain_statement=prose("""
            Practitioner inquiry is hosted by the Faculty of Education at Lakeshore University
            and open to any educator who wants to study their own practice systematically: to
            ask a focused question about their classroom, collect evidence, and share what they
            found with people who will push their thinking.

            Faculty, graduate students, teacher candidates and classroom teachers take part as
            equals. We run reading circles on methods, a spring cycle of inquiry projects with
            faculty mentors, and an open showcase each June. Before you collect anything from
            students, check what your school and district require; ask here if you are unsure.

            Posts are welcome in English or French.
        """),
        visibility=Visibility.PUBLIC,
        join_policy=JoinPolicy.OPEN,
        subjects=("pedagogy",),
        grade_bands=("k-2", "3-5", "6-8", "9-12", "higher-ed"),
        languages=("en", "fr"),
        steward="claire",
        founded_days_ago=250,
        spaces=(
            ("General", "Introductions, events and the June showcase."),
            ("Questions", "Methods, ethics approvals and getting started."),
            ("Inquiry projects", "One thread per project: question, evidence, findings."),
            ("Reading circle", "This term's readings on methods and teacher research."),
        ),
        moderators=("omar",),
        members=("sophie", "kenji", "joanne", "julien"),
        tags=(
            "research ethics",
            "data collection",
            "data analysis",
            "interviews",
            "student voice",
            "mentoring",
        ),
        tag_followers=(
            ("sophie", "research ethics"),
            ("claire", "data collection"),
            ("omar", "interviews"),
        ),
        organization="lakeshore-education",
    ),
]
