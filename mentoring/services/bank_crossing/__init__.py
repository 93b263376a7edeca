"""The one place where a school reads or writes another school's rows: the municipal bank of mentors.

Tenancy stays closed everywhere else: a request works in the scope of the school of its URL. The bank needs
exactly these crossings, each entered in this package with ``core.tenancy.tenant_scope`` of the other school (or
of the schools of the same municipality) and each returning plain values, never a model instance whose related
rows a template could go on reading (the module of each in brackets):

- ``offers`` / ``offer`` (``listings``): the listings of the *other* schools of the requesting school's
  municipality (never another municipality's, never the school's own): the mentor's name, subject,
  competencies, school and free places. Not the mentor's contacts, birth date, notes, card or pairs.
- ``send_request`` (``sending``): the requesting school writes its own ``BankRequest`` pointing at such a
  listing (checked here: same municipality, still listed, a free place).
- ``incoming`` (``request_lists``): the requests to the mentors of the *mentor's* school, read from the
  requesting schools: the requesting school, the mentee's name and need, the state. Not the mentee's card,
  consents or categories.
- ``outgoing`` (``request_lists``): the requesting school's own requests with the listing they went to and a
  refusal's reason.
- ``decide_as_mentor`` / ``decide_as_director`` (``decisions``): the mentor (their own listing only) and then
  the mentor's director answer; the director's acceptance forms the pair in the mentee's school (below).
  ``decline_open_requests``: a mentor who leaves the bank, the open requests to them declined.
- ``external_pairs`` / ``external_pair`` / ``record_meeting`` (``listing_pairs``): the mentor, logged in to
  their own school, reads and keeps the journal of the pairs formed from their listing (the pair's mentees by
  name, its meetings); nothing else of the mentee's school.
- ``listing_load`` (``listing_pairs``): the mentor's school sees, per listing, how many external pairs are
  active and in which schools — not who the mentees are.

The pair itself belongs to the mentee's school (``pair_forming``): its mentor is a row of that school's base of
mentors made from the listing (name, subject, the consent's number and date, no contacts), so that every page of
the mentee's school — the pair, the journals, the reports — keeps working in its own scope, and no row of the
mentee's school points at a row of the mentor's school except ``BankRequest.entry``, which only this package
reads. ``reach`` holds what the modules share: the municipality's scope, the form and the mentees of a bank pair,
whom to notify and where. Callers use the crossings named here, never the modules' own functions.
"""

from mentoring.services.bank_crossing.decisions import decide_as_director, decide_as_mentor, decline_open_requests
from mentoring.services.bank_crossing.listing_pairs import external_pair, external_pairs, listing_load, record_meeting
from mentoring.services.bank_crossing.listings import offer, offers
from mentoring.services.bank_crossing.request_lists import incoming, outgoing
from mentoring.services.bank_crossing.sending import send_request

__all__ = [
    "decide_as_director",
    "decide_as_mentor",
    "decline_open_requests",
    "external_pair",
    "external_pairs",
    "incoming",
    "listing_load",
    "offer",
    "offers",
    "outgoing",
    "record_meeting",
    "send_request",
]
