"""The documents of the system of mentoring of teachers (seed 001; Labour Code art. 351.8): for a school, the
Regulation on the system of mentoring of teachers with the order approving it and the plan of its
implementation, the order appointing teacher-mentors, the addendum to a mentor's labour contract, the order
ending mentoring early, the protocol of a meeting of the council of mentors; for a municipality, the order
approving the municipal Regulation and the complex of measures. The same approval workflow, grammar and layout as
the pupils' documents."""

import importlib

# Imported in this order, so that the kinds are offered in it.
for _module in ("regulation", "appointment", "protocol", "municipal"):
    importlib.import_module(f"{__name__}.{_module}")
