"""The synthetic data set (``manage.py generate_dataset``): a large, realistic, deterministic data set for
benchmarks (meant for PostgreSQL).

Creates municipalities (slug prefix ``gen-m-``), schools (``gen-o-``) spread over them, and people with roles:
per school a director, a curator, a methodist, an observer and K mentors; per municipality a coordinator and two
specialists. All generated users have e-mails ``…@gen.example`` and share one password.

Each school also gets the bases of stages 2 and 3: its list of requests / competencies (tags), 1–2 partner
organisations, thousands of mentees (pupils 10–17 in classes that fit their age, a few students, young specialists
and teachers new to the school) with their requests, support categories and legal representatives, the mentors'
base (teachers — the first ones are the mentor accounts —, senior pupils, students, partners' employees, parents
of the school's pupils, graduates) with their competencies, and the personal-data consents (a minor's given by the
legal representative; about one minor in ten has none yet).

Rows are built in memory a chunk of schools at a time (about 10 000 people) and written with ``bulk_create``
inside one transaction, so memory stays flat whatever the size. ``DatasetGenerator`` has one method per kind of
row (``add_municipality``, ``add_school``, ``build_organization``, ``add_member``), all driven by one
``random.Random(seed)``; ``SchoolBases`` builds one school's tags, partners, mentees, mentors and consents from a
``random.Random`` of the school's own (seeded from the main one). Later kinds (programmes, pairs…) are added the
same way, called from ``add_school``, with their rows queued as pending and written in ``flush``. ``--replace``
deletes the big tables with one ``DELETE`` per table (``fast_delete``) instead of loading the rows.

With the defaults, 100 schools give 200 000 mentees, 13 300 mentors and about 195 000 consents.
"""
