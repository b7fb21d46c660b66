"""The demo educators: teachers, coaches and leaders from many countries."""

from staffroom.accounts.models import EducatorRole
from staffroom.demo.data.specs import ADMIN_EMAIL, DEMO_EMAIL, Person, prose

PEOPLE = [
    Person(
        key="sam",
        email=DEMO_EMAIL,
        name="Sam Rivera",
        role=EducatorRole.TEACHER,
        headline="Year 7 maths teacher at a comprehensive in Manchester",
        bio=prose("""
            I teach Year 7 and Year 8 maths at a big comprehensive in Manchester and I'm in my
            seventh year in the classroom. What I care about most is getting every child talking
            about maths: mini whiteboards, "convince me" prompts and plenty of wrong answers on
            the board that we fix together.

            I started Global classroom connections after a rainfall-data project with a class in
            Kisumu turned into the best unit I've ever taught. Always happy to share ratio and
            proportion resources.
        """),
        country="GB",
        time_zone="Europe/London",
        subjects=("mathematics",),
        grade_bands=("6-8",),
        languages=("en", "es"),
        years=7,
        expertise=("ratio and proportion", "mini whiteboards", "maths talk", "retrieval practice"),
        mentoring=True,
    ),
    Person(
        key="admin",
        email=ADMIN_EMAIL,
        name="Alex Morgan",
        role=EducatorRole.OTHER,
        headline="Looks after this Staffroom",
        bio=prose("""
            I keep this Staffroom running: accounts, backups and the odd invitation link that
            has stopped working. If something on the site looks broken, mention it in any
            community and I'll pick it up.
        """),
        country="GB",
        time_zone="Europe/London",
        staff=True,
    ),
    Person(
        key="eleanor",
        email="eleanor.whitfield@staffroom.test",
        name="Eleanor Whitfield",
        role=EducatorRole.LEADER,
        headline="Head of maths at a secondary school in Leeds",
        bio=prose("""
            Nineteen years of teaching maths, eight of them leading a department of eleven. My
            obsession is formative assessment done properly: hinge questions written before the
            lesson, not improvised in it, and feedback that takes students less time to act on
            than it took me to write. I mentor early-career teachers and I still teach two Year 9
            groups, which keeps me honest.
        """),
        country="GB",
        time_zone="Europe/London",
        subjects=("mathematics", "pedagogy"),
        grade_bands=("6-8", "9-12"),
        years=19,
        expertise=("hinge questions", "department leadership", "feedback", "mentoring ECTs"),
        mentoring=True,
    ),
    Person(
        key="aisha",
        email="aisha.rahman@staffroom.test",
        name="Aisha Rahman",
        role=EducatorRole.COACH,
        headline="Digital learning lead for a trust of six schools in Birmingham",
        bio=prose("""
            I taught computing for seven years before moving into coaching. Now I help teachers
            across six primary and secondary schools decide which tools are worth the training
            time, and I say "no" to far more than I say "yes". Ask me about accessibility
            settings, sensible data-sharing agreements and getting a whole staff onto one
            platform without tears.
        """),
        country="GB",
        time_zone="Europe/London",
        subjects=("educational-technology", "computer-science"),
        grade_bands=("3-5", "6-8", "9-12"),
        languages=("en", "ur"),
        years=12,
        expertise=("accessibility", "data protection", "staff training", "device rollouts"),
        mentoring=True,
    ),
    Person(
        key="rhys",
        email="rhys.pritchard@staffroom.test",
        name="Rhys Pritchard",
        role=EducatorRole.TEACHER,
        headline="Year 1 teacher and early-career mentor in Cardiff",
        bio=prose("""
            Year 1 teacher in a bilingual primary in Cardiff, and the school's mentor for new
            teachers. I've been the person who cries in the stock cupboard, so I try hard to be
            the colleague I needed in my first year. In class: phonics, oral storytelling and a
            reading corner that the children run themselves.
        """),
        country="GB",
        time_zone="Europe/London",
        subjects=("literacy", "wellbeing"),
        grade_bands=("early-years", "k-2"),
        years=11,
        expertise=("phonics", "oral storytelling", "new teacher mentoring"),
        mentoring=True,
    ),
    Person(
        key="marcus",
        email="marcus.bell@staffroom.test",
        name="Marcus Bell",
        role=EducatorRole.TEACHER,
        headline="7th grade math teacher in Columbus, Ohio",
        bio=prose("""
            I teach seventh-grade math in a public middle school in Columbus, and I have for
            fourteen years. My classroom runs on visible random groups, vertical whiteboards and
            tasks with a low floor and a high ceiling. I'm convinced most "math anxiety" is
            really "being-wrong-in-public anxiety", and that it can be taught out of a class in
            about six weeks.
        """),
        country="US",
        time_zone="America/New_York",
        subjects=("mathematics",),
        grade_bands=("6-8",),
        years=14,
        expertise=("thinking classrooms", "low floor high ceiling tasks", "proportional reasoning"),
        mentoring=True,
    ),
    Person(
        key="jasmine",
        email="jasmine.carter@staffroom.test",
        name="Jasmine Carter",
        role=EducatorRole.COACH,
        headline="Instructional technology coach, Atlanta",
        bio=prose("""
            Former fifth-grade teacher, now coaching teachers in nine elementary schools on
            using technology for learning rather than for its own sake. I run a monthly
            "tool autopsy" where we take something everyone bought and ask whether it changed
            anything for kids. I love a good spreadsheet and a short screencast.
        """),
        country="US",
        time_zone="America/New_York",
        subjects=("educational-technology", "pedagogy"),
        grade_bands=("k-2", "3-5"),
        years=10,
        expertise=("screencasting", "learning management systems", "coaching cycles"),
    ),
    Person(
        key="rosa",
        email="rosa.delgado@staffroom.test",
        name="Rosa Delgado",
        role=EducatorRole.COACH,
        headline="Bilingual literacy coach, K–2, San Antonio",
        bio=prose("""
            I coach kindergarten to second-grade teachers in dual-language classrooms, after ten
            years teaching first grade myself. Most of our children learn to read in Spanish and
            English at the same time, so I spend my days thinking about which skills transfer
            between the two languages and which need teaching twice. Decodable books in Spanish
            are my favourite rabbit hole.
        """),
        country="US",
        time_zone="America/Chicago",
        subjects=("literacy", "ell"),
        grade_bands=("early-years", "k-2"),
        languages=("en", "es"),
        years=16,
        expertise=("biliteracy", "phonics", "decodable texts", "reading intervention"),
        mentoring=True,
    ),
    Person(
        key="tyler",
        email="tyler.brooks@staffroom.test",
        name="Tyler Brooks",
        role=EducatorRole.TEACHER,
        headline="First-year 8th grade science teacher in Denver",
        bio=prose("""
            First year teaching eighth-grade science after a career change from environmental
            consulting. I know the content; I'm learning everything else, especially how to get
            thirty-two thirteen-year-olds to clean up a lab in four minutes. Grateful for every
            tip.
        """),
        country="US",
        time_zone="America/Denver",
        subjects=("science",),
        grade_bands=("6-8",),
        years=1,
        expertise=("field work", "water quality"),
    ),
    Person(
        key="brandon",
        email="brandon.kessler@staffroom.test",
        name="Brandon Kessler",
        role=EducatorRole.OTHER,
        headline="Founder of GradeGenie — AI grading for busy teachers",
        bio=prose("""
            Ex-teacher turned founder. GradeGenie grades essays in seconds so you can get your
            weekends back. DM me for a free trial code!
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("educational-technology",),
        years=2,
        expertise=("AI grading",),
    ),
    Person(
        key="lena",
        email="lwhitaker@riverside-usd.example",
        name="Dr. Lena Whitaker",
        role=EducatorRole.LEADER,
        headline="Science coordinator, grades 6–12, Riverside Unified School District",
        bio=prose("""
            I coordinate science for the district's nine middle and high schools: curriculum,
            lab safety, new-teacher support and a great deal of ordering. Before that I taught
            chemistry for twelve years. My goal for the department space is simple: no science
            teacher in Riverside should have to plan a unit alone.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("science",),
        grade_bands=("6-8", "9-12"),
        years=22,
        expertise=("NGSS", "lab safety", "curriculum design", "chemistry"),
        mentoring=True,
    ),
    Person(
        key="denise",
        email="dpalmer@riverside-usd.example",
        name="Denise Palmer",
        role=EducatorRole.COACH,
        headline="Digital learning coordinator, Riverside Unified School District",
        bio=prose("""
            I look after the district's learning platforms and the teachers who use them. Most
            of my job is translation: between what IT can support, what the law allows with
            student data, and what a teacher actually needs by Monday.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("educational-technology",),
        grade_bands=("k-2", "3-5", "6-8", "9-12"),
        years=15,
        expertise=("student data privacy", "platform rollouts", "professional development"),
    ),
    Person(
        key="miguel",
        email="mortega@riverside-usd.example",
        name="Miguel Ortega",
        role=EducatorRole.TEACHER,
        headline="Chemistry teacher at Riverside North High School",
        bio=prose("""
            I teach chemistry and AP Chemistry at Riverside North, where about half my students
            are English learners. I build units around phenomena the kids actually see at home,
            like why tortillas go stale or what's in the pool water. I'm also the department's
            unofficial equipment librarian.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("science", "ell"),
        grade_bands=("9-12",),
        languages=("en", "es"),
        years=9,
        expertise=("phenomenon-based units", "AP Chemistry", "language supports in science"),
    ),
    Person(
        key="grace",
        email="gkim@riverside-usd.example",
        name="Grace Kim",
        role=EducatorRole.TEACHER,
        headline="6th grade science teacher, Jefferson Middle School",
        bio=prose("""
            Sixth-grade science at Jefferson Middle. We spend a lot of time outside: the school
            garden is our main lab for ecosystems and weather. Currently trying to make lab
            notebooks something students are proud of rather than something they lose.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("science",),
        grade_bands=("6-8",),
        languages=("en", "ko"),
        years=5,
        expertise=("school gardens", "science notebooks"),
    ),
    Person(
        key="darnell",
        email="dhayes@riverside-usd.example",
        name="Darnell Hayes",
        role=EducatorRole.TEACHER,
        headline="Biology and AP Environmental Science, Riverside Central High",
        bio=prose("""
            Thirteen years of biology and environmental science. I coach the Science Olympiad
            team and run our river-monitoring project with the county. If you need a dissection
            alternative or a good local field site, ask me.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("science",),
        grade_bands=("9-12",),
        years=13,
        expertise=("field studies", "Science Olympiad", "AP Environmental Science"),
        mentoring=True,
    ),
    Person(
        key="kevin",
        email="ktran@riverside-usd.example",
        name="Kevin Tran",
        role=EducatorRole.TEACHER,
        headline="First-year 7th grade science teacher, Jefferson Middle School",
        bio=prose("""
            First year teaching, seventh-grade life science at Jefferson. I did my student
            teaching here too, so the building is familiar but having my own classes is a whole
            new thing. Currently learning: pacing, parent emails and when to let a noisy lab be
            noisy.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("science",),
        grade_bands=("6-8",),
        languages=("en", "vi"),
        years=1,
    ),
    Person(
        key="hannah",
        email="hschultz@riverside-usd.example",
        name="Hannah Schultz",
        role=EducatorRole.TEACHER,
        headline="8th grade earth science, Riverside North",
        bio=prose("""
            New to Riverside North this year after four years at a charter school across town.
            Earth science is my first love: plate tectonics, rocks, and anything that lets me
            take students outside to look at the hills behind the school.
        """),
        country="US",
        time_zone="America/Los_Angeles",
        subjects=("science", "geography"),
        grade_bands=("6-8",),
        years=4,
        expertise=("earth science", "outdoor learning"),
    ),
    Person(
        key="claire",
        email="claire.fontaine@lakeshoreu.example",
        name="Dr. Claire Fontaine",
        role=EducatorRole.TEACHER_EDUCATOR,
        headline="Associate professor of teacher education, Lakeshore University",
        bio=prose("""
            I taught French immersion for nine years before joining Lakeshore, where I now
            teach the practicum seminar and supervise graduate students. My research is on how
            teachers learn from studying their own classrooms. I'd rather read your messy
            half-finished inquiry than a polished article.
        """),
        country="CA",
        time_zone="America/Toronto",
        subjects=("pedagogy", "world-languages"),
        grade_bands=("3-5", "6-8", "higher-ed"),
        languages=("en", "fr"),
        years=18,
        expertise=("practitioner inquiry", "French immersion", "practicum supervision"),
        mentoring=True,
    ),
    Person(
        key="omar",
        email="omar.haddad@lakeshoreu.example",
        name="Dr. Omar Haddad",
        role=EducatorRole.TEACHER_EDUCATOR,
        headline="Science education faculty, Lakeshore University",
        bio=prose("""
            I prepare secondary science teachers and study how students' everyday language
            becomes scientific language. Before academia I taught physics in Montréal and Amman.
            Happy to talk research methods with anyone who is nervous about the word "data".
        """),
        country="CA",
        time_zone="America/Toronto",
        subjects=("science", "pedagogy"),
        grade_bands=("9-12", "higher-ed"),
        languages=("en", "fr", "ar"),
        years=15,
        expertise=("science education research", "language in science", "physics"),
        mentoring=True,
    ),
    Person(
        key="sophie",
        email="sophie.tremblay@lakeshoreu.example",
        name="Sophie Tremblay",
        role=EducatorRole.PRE_SERVICE,
        headline="Teacher candidate, French immersion (junior/intermediate)",
        bio=prose("""
            Final-year teacher candidate at Lakeshore, currently on practicum in a grade 5
            French immersion class. My inquiry project is about getting shy students to speak
            more French in small groups. Eager to learn from people who've been doing this for
            years.
        """),
        country="CA",
        time_zone="America/Toronto",
        subjects=("world-languages",),
        grade_bands=("3-5",),
        languages=("fr", "en"),
        years=0,
        ui_language="fr",
    ),
    Person(
        key="joanne",
        email="joanne.macleod@staffroom.test",
        name="Joanne MacLeod",
        role=EducatorRole.COACH,
        headline="New-teacher induction mentor, Halifax",
        bio=prose("""
            Twenty-four years teaching junior high English, now full time supporting teachers
            in their first two years across our regional centre for education. I also mentor
            Lakeshore teacher candidates on placement out east. Ask me anything: no question is
            too small and I've heard them all at least twice.
        """),
        country="CA",
        time_zone="America/Halifax",
        subjects=("english-language-arts", "wellbeing"),
        grade_bands=("6-8", "9-12"),
        years=24,
        expertise=("teacher induction", "classroom routines", "parent communication"),
        mentoring=True,
    ),
    Person(
        key="wanjiru",
        email="wanjiru.kamau@staffroom.test",
        name="Wanjiru Kamau",
        role=EducatorRole.TEACHER,
        headline="Maths and physics teacher at a girls' secondary school in Nyeri",
        bio=prose("""
            I teach maths and physics to Form 1 to Form 4 girls in Nyeri. Many of my students
            arrive believing physics is "for boys", so the first term is about proving them
            wrong with things they can build. I run the school's STEM club and we are always
            looking for partner classes.
        """),
        country="KE",
        time_zone="Africa/Nairobi",
        subjects=("mathematics", "science"),
        grade_bands=("6-8", "9-12"),
        languages=("en", "sw"),
        years=9,
        expertise=("girls in STEM", "practical physics", "STEM clubs"),
        mentoring=True,
    ),
    Person(
        key="otieno",
        email="otieno.ochieng@staffroom.test",
        name="Otieno Ochieng",
        role=EducatorRole.TEACHER,
        headline="Grade 6 teacher at a public primary school in Kisumu",
        bio=prose("""
            Grade 6 class teacher in Kisumu, teaching under the competency-based curriculum.
            My class has collected rainfall data with a school in Manchester for two years now,
            and the children still ask when the next letters are coming. I believe every child
            should have a friend in another country before they leave primary school.
        """),
        country="KE",
        time_zone="Africa/Nairobi",
        subjects=("global-citizenship", "social-studies", "mathematics"),
        grade_bands=("3-5", "6-8"),
        languages=("en", "sw"),
        years=12,
        expertise=("competency-based curriculum", "class exchanges", "project-based learning"),
    ),
    Person(
        key="chiamaka",
        email="chiamaka.eze@staffroom.test",
        name="Chiamaka Eze",
        role=EducatorRole.TEACHER,
        headline="Primary 2 teacher in Enugu",
        bio=prose("""
            I teach Primary 2 in a busy private school in Enugu. Most of my pupils speak Igbo
            at home, and I've spent years building phonics lessons that respect that instead of
            fighting it. I make a lot of my own reading cards: happy to share them.
        """),
        country="NG",
        time_zone="Africa/Lagos",
        subjects=("literacy", "english-language-arts"),
        grade_bands=("k-2",),
        years=8,
        expertise=("phonics", "home-made reading resources", "multilingual classrooms"),
    ),
    Person(
        key="adebayo",
        email="adebayo.ogunleye@staffroom.test",
        name="Adebayo Ogunleye",
        role=EducatorRole.TEACHER,
        headline="Computer studies teacher, senior secondary, Lagos",
        bio=prose("""
            I teach computer studies and a Saturday coding club in Lagos. We have one lab of
            thirty machines for six hundred students, so I've become an expert in offline
            tools, shared logins and lessons that work when the power goes. Our students built
            a school-news website last term and I'm very proud of them.
        """),
        country="NG",
        time_zone="Africa/Lagos",
        subjects=("computer-science", "educational-technology"),
        grade_bands=("9-12",),
        languages=("en", "yo"),
        years=6,
        expertise=("web development", "offline-first teaching", "coding clubs"),
    ),
    Person(
        key="priya",
        email="priya.raghavan@staffroom.test",
        name="Priya Raghavan",
        role=EducatorRole.TEACHER,
        headline="Middle school maths teacher in Bengaluru",
        bio=prose("""
            I teach maths to grades 6 to 8 in a CBSE school in Bengaluru, with classes of
            forty-two. Large classes taught me to plan questions very carefully: one good
            hinge question tells me more than thirty worksheets. Interested in algebra tiles,
            error analysis and anything that makes integers less confusing.
        """),
        country="IN",
        time_zone="Asia/Kolkata",
        subjects=("mathematics",),
        grade_bands=("6-8",),
        languages=("en", "hi"),
        years=11,
        expertise=("large classes", "algebra tiles", "error analysis", "integers"),
        mentoring=True,
    ),
    Person(
        key="arjun",
        email="arjun.mehta@staffroom.test",
        name="Arjun Mehta",
        role=EducatorRole.COACH,
        headline="EdTech coordinator at a K–12 school in Pune",
        bio=prose("""
            I coordinate technology for a K–12 school in Pune: devices, platforms and a lot of
            teacher workshops. I care about low-bandwidth options, because many of our families
            share one phone. My rule: if a tool needs a login for a five-minute activity, it
            had better be very good.
        """),
        country="IN",
        time_zone="Asia/Kolkata",
        subjects=("educational-technology",),
        grade_bands=("3-5", "6-8", "9-12"),
        languages=("en", "hi"),
        years=9,
        expertise=("low-bandwidth learning", "teacher workshops", "digital citizenship"),
    ),
    Person(
        key="fatima",
        email="fatima.sheikh@staffroom.test",
        name="Fatima Sheikh",
        role=EducatorRole.TEACHER,
        headline="Secondary English teacher in Lucknow",
        bio=prose("""
            I teach English to classes 9 to 12 in Lucknow. I love connecting my students with
            writers their own age elsewhere: last year we co-wrote short stories with a class
            in Osaka. Peer feedback on writing is where I'm trying to improve this year.
        """),
        country="IN",
        time_zone="Asia/Kolkata",
        subjects=("english-language-arts", "global-citizenship"),
        grade_bands=("9-12",),
        languages=("en", "hi", "ur"),
        years=14,
        expertise=("creative writing", "peer feedback", "class exchanges"),
    ),
    Person(
        key="chloe",
        email="chloe.nguyen@staffroom.test",
        name="Chloe Nguyen",
        role=EducatorRole.TEACHER,
        headline="Year 2 teacher in Melbourne",
        bio=prose("""
            Year 2 teacher in Melbourne's west, where my class speaks eleven languages between
            them. I teach systematic phonics in the morning and read aloud every afternoon
            without fail. Currently building a classroom library where every child can find a
            book with a family like theirs.
        """),
        country="AU",
        time_zone="Australia/Melbourne",
        subjects=("literacy", "ell"),
        grade_bands=("k-2",),
        languages=("en", "vi"),
        years=7,
        expertise=("read-alouds", "diverse classroom libraries", "phonics"),
    ),
    Person(
        key="liam",
        email="liam.obrien@staffroom.test",
        name="Liam O'Brien",
        role=EducatorRole.TEACHER,
        headline="Secondary maths teacher, Years 7–10, Perth",
        bio=prose("""
            Fifteen years teaching maths in Perth, mostly Years 7 to 10. I'm a fan of worked
            examples followed by quickly faded support, and I've become the department's
            spreadsheet person for tracking which topics need reteaching. Cricket statistics
            make an appearance in most of my lessons.
        """),
        country="AU",
        time_zone="Australia/Perth",
        subjects=("mathematics",),
        grade_bands=("6-8", "9-12"),
        years=15,
        expertise=("worked examples", "statistics", "reteaching"),
    ),
    Person(
        key="aroha",
        email="aroha.ngata@staffroom.test",
        name="Aroha Ngata",
        role=EducatorRole.TEACHER,
        headline="Kaiako in a bilingual junior class, Rotorua",
        bio=prose("""
            Kia ora! I teach Years 1 to 3 in a bilingual unit in Rotorua, in te reo Māori and
            English. Stories, waiata and pūrākau are at the centre of how my tamariki learn to
            read. I'm keen to connect with teachers of Indigenous and minority languages
            everywhere.
        """),
        country="NZ",
        time_zone="Pacific/Auckland",
        subjects=("literacy", "world-languages", "global-citizenship"),
        grade_bands=("k-2",),
        languages=("en", "mi"),
        years=10,
        expertise=("bilingual education", "oral storytelling", "te reo Māori"),
    ),
    Person(
        key="megan",
        email="megan.fraser@staffroom.test",
        name="Megan Fraser",
        role=EducatorRole.TEACHER,
        headline="Beginning teacher, Year 8 maths and science, Christchurch",
        bio=prose("""
            First year as a registered teacher, teaching Year 8 maths and science at an
            intermediate school in Christchurch. I love the age group and I'm slowly learning
            that I can't mark everything. My mentor told me to join some communities, so here
            I am!
        """),
        country="NZ",
        time_zone="Pacific/Auckland",
        subjects=("mathematics", "science"),
        grade_bands=("6-8",),
        years=1,
    ),
    Person(
        key="lucia",
        email="lucia.hernandez@staffroom.test",
        name="Lucía Hernández",
        role=EducatorRole.TEACHER,
        headline="Profesora de matemáticas de secundaria en Puebla",
        bio=prose("""
            Enseño matemáticas en una secundaria pública de Puebla desde hace diez años. Me
            interesa que mis alumnos expliquen su razonamiento, no solo el resultado. I also
            post in English: I'm here to swap problem-solving tasks with teachers in other
            countries.
        """),
        country="MX",
        time_zone="America/Mexico_City",
        subjects=("mathematics",),
        grade_bands=("6-8",),
        languages=("es", "en"),
        years=10,
        expertise=("resolución de problemas", "problem solving", "fractions"),
        ui_language="es",
    ),
    Person(
        key="diego",
        email="diego.ramirez@staffroom.test",
        name="Diego Ramírez",
        role=EducatorRole.TEACHER,
        headline="English teacher at a public secundaria in Guadalajara",
        bio=prose("""
            I teach English as a foreign language to students aged twelve to fifteen in
            Guadalajara. Nothing motivates my students like a real audience, so I look for
            partner classes for video letters and shared projects. Our favourite so far: a
            recipe exchange with a class in Osaka.
        """),
        country="MX",
        time_zone="America/Mexico_City",
        subjects=("world-languages", "global-citizenship"),
        grade_bands=("6-8",),
        languages=("es", "en"),
        years=7,
        expertise=("EFL", "video exchanges", "project-based learning"),
        ui_language="es",
    ),
    Person(
        key="marta",
        email="marta.jimenez@staffroom.test",
        name="Marta Jiménez",
        role=EducatorRole.TEACHER,
        headline="Primary teacher and ICT coordinator in Valencia",
        bio=prose("""
            Maestra de primaria en Valencia y coordinadora TIC del centro. I teach a fourth-grade
            class and support colleagues with the school's tablets and learning platform. I
            believe technology should be invisible when it works; I write short how-to guides in
            Spanish and English.
        """),
        country="ES",
        time_zone="Europe/Madrid",
        subjects=("educational-technology",),
        grade_bands=("3-5",),
        languages=("es", "en"),
        years=13,
        expertise=("tablets in primary", "how-to guides", "digital competence"),
        ui_language="es",
    ),
    Person(
        key="javier",
        email="javier.morales@staffroom.test",
        name="Javier Morales",
        role=EducatorRole.TEACHER,
        headline="First-year biology teacher, secondary, Seville",
        bio=prose("""
            Primer año como profesor de biología en un instituto de Sevilla. After passing the
            oposiciones I finally have my own classes, and I'm finding out how different ESO
            students are from the university students I tutored. Looking for ideas for practical
            work with very little equipment.
        """),
        country="ES",
        time_zone="Europe/Madrid",
        subjects=("science",),
        grade_bands=("6-8", "9-12"),
        languages=("es", "en"),
        years=1,
        ui_language="es",
    ),
    Person(
        key="camille",
        email="camille.laurent@staffroom.test",
        name="Camille Laurent",
        role=EducatorRole.TEACHER,
        headline="Professeure des écoles, CP (first grade), Lyon",
        bio=prose("""
            J'enseigne en CP à Lyon depuis douze ans. Teaching six-year-olds to read in French
            means a lot of attention to sounds that are spelled five different ways. I share
            my daily phonics routines and the small assessments that tell me who needs another
            go tomorrow.
        """),
        country="FR",
        time_zone="Europe/Paris",
        subjects=("literacy",),
        grade_bands=("k-2",),
        languages=("fr", "en"),
        years=12,
        expertise=("phonics in French", "daily reading routines", "quick assessments"),
        ui_language="fr",
    ),
    Person(
        key="julien",
        email="julien.moreau@staffroom.test",
        name="Julien Moreau",
        role=EducatorRole.TEACHER,
        headline="History and geography teacher, collège, Bordeaux",
        bio=prose("""
            Professeur d'histoire-géographie dans un collège de Bordeaux. I like my students to
            see the same event from two countries' textbooks at once, which is why I look for
            partner classes abroad. This year I'm also doing a small inquiry into how pupils
            use maps when they argue.
        """),
        country="FR",
        time_zone="Europe/Paris",
        subjects=("history", "geography", "global-citizenship"),
        grade_bands=("6-8",),
        languages=("fr", "en"),
        years=8,
        expertise=("multiple perspectives", "maps", "class exchanges"),
        ui_language="fr",
    ),
    Person(
        key="ana",
        email="ana.souza@staffroom.test",
        name="Ana Beatriz Souza",
        role=EducatorRole.TEACHER,
        headline="Science teacher, ensino fundamental II, São Paulo",
        bio=prose("""
            Professora de ciências em São Paulo, teaching students aged eleven to fourteen. We
            do a lot of citizen science: air quality, urban birds, the river that runs under
            our neighbourhood. I'm always looking for classes elsewhere to compare data with,
            and for free tools that work on old phones.
        """),
        country="BR",
        time_zone="America/Sao_Paulo",
        subjects=("science", "educational-technology"),
        grade_bands=("6-8",),
        languages=("pt", "en", "es"),
        years=9,
        expertise=("citizen science", "mobile data collection"),
    ),
    Person(
        key="yuki",
        email="yuki.tanaka@staffroom.test",
        name="Yuki Tanaka",
        role=EducatorRole.TEACHER,
        headline="Junior high school English teacher in Osaka",
        bio=prose("""
            I teach English at a public junior high school in Osaka. My students are often too
            shy to speak, but they open up when they write to students their own age. We have
            exchanged recipes with Guadalajara and short stories with Lucknow. I'm interested in
            simple tools for video messages.
        """),
        country="JP",
        time_zone="Asia/Tokyo",
        subjects=("world-languages", "global-citizenship"),
        grade_bands=("6-8",),
        languages=("ja", "en"),
        years=8,
        expertise=("EFL", "class exchanges", "speaking confidence"),
    ),
    Person(
        key="kenji",
        email="kenji.watanabe@staffroom.test",
        name="Kenji Watanabe",
        role=EducatorRole.TEACHER,
        headline="Elementary teacher and lesson study facilitator, Hiroshima",
        bio=prose("""
            Twenty-one years in elementary classrooms in Hiroshima, and many research lessons.
            I help schools run lesson study: planning one lesson together, watching the
            students rather than the teacher, and talking honestly afterwards. I'm happy to
            explain how we use structured problem solving in maths.
        """),
        country="JP",
        time_zone="Asia/Tokyo",
        subjects=("mathematics", "pedagogy"),
        grade_bands=("3-5", "6-8"),
        languages=("ja", "en"),
        years=21,
        expertise=("lesson study", "structured problem solving", "board writing"),
        mentoring=True,
    ),
    Person(
        key="jonalyn",
        email="jonalyn.reyes@staffroom.test",
        name="Jonalyn Reyes",
        role=EducatorRole.TEACHER,
        headline="Grade 2 teacher at a public elementary school in Quezon City",
        bio=prose("""
            I teach Grade 2 in Quezon City, reading in Filipino and English. My class has
            forty-five learners and one shelf of books, so I've learned to make every story
            count. I love reading circles and big books we make together.
        """),
        country="PH",
        time_zone="Asia/Manila",
        subjects=("literacy", "ell"),
        grade_bands=("k-2",),
        languages=("tl", "en"),
        years=9,
        expertise=("big books", "reading circles", "mother tongue-based instruction"),
    ),
    Person(
        key="aino",
        email="aino.virtanen@staffroom.test",
        name="Aino Virtanen",
        role=EducatorRole.TEACHER,
        headline="Class teacher, grade 3, Tampere",
        bio=prose("""
            Luokanopettaja in Tampere: I teach almost every subject to the same class of
            third-graders. We don't give grades at this age, so feedback has to be words and
            conversations, and I've spent years making those useful. I'm curious how teachers
            elsewhere do self-assessment with young children.
        """),
        country="FI",
        time_zone="Europe/Helsinki",
        subjects=("pedagogy", "mathematics", "literacy"),
        grade_bands=("3-5",),
        languages=("fi", "sv", "en"),
        years=15,
        expertise=("self-assessment", "feedback conversations", "phenomenon-based learning"),
        mentoring=True,
    ),
    Person(
        key="thandiwe",
        email="thandiwe.dlamini@staffroom.test",
        name="Thandiwe Dlamini",
        role=EducatorRole.TEACHER,
        headline="Foundation phase teacher, Grade 1, Durban",
        bio=prose("""
            Grade 1 teacher in Durban. My learners first read in isiZulu and add English in
            Grade 2, so I think a lot about which early reading skills carry across languages.
            I run a parents' reading morning every Friday.
        """),
        country="ZA",
        time_zone="Africa/Johannesburg",
        subjects=("literacy",),
        grade_bands=("early-years", "k-2"),
        languages=("en",),
        years=10,
        expertise=("home-language literacy", "family reading"),
    ),
]
