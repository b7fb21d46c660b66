"""The demo organisations: a school district and a university faculty."""

from staffroom.demo.data.specs import OrganizationSpec, prose
from staffroom.orgs.models import OrganizationKind

ORGANIZATIONS = [
    OrganizationSpec(
        slug="riverside-usd",
        name="Riverside Unified School District",
        kind=OrganizationKind.DISTRICT,
        country="US",
        website="https://www.riverside-usd.example",
        description=prose("""
            A public school district of 31 schools serving about 26,000 students from
            transitional kindergarten to grade 12. Staff who confirm a district e-mail address
            become members of the district here and can join its department communities.
        """),
        domain="riverside-usd.example",
        admins=("lena", "denise"),
    ),
    OrganizationSpec(
        slug="lakeshore-education",
        name="Lakeshore University, Faculty of Education",
        kind=OrganizationKind.UNIVERSITY,
        country="CA",
        website="https://education.lakeshoreu.example",
        description=prose("""
            Lakeshore's Faculty of Education prepares elementary and secondary teachers in
            English and French, and runs graduate programmes in curriculum and teacher
            development. Faculty, staff and teacher candidates with a lakeshoreu.example
            address are members; associate mentors in partner schools are added by hand.
        """),
        domain="lakeshoreu.example",
        admins=("claire",),
        members=("joanne",),
    ),
]
