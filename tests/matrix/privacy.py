"""Permission-matrix cases of personal-data care: the subject's copy of a card is asked by the roles that read
cards (director, curator, methodist); it starts a file job and redirects to its page. The retention periods and
the list «срок хранения истёк» are the director's and the curator's (they edit the bases)."""

from tests.matrix import EDIT_BASES, READ_CARDS, Case

CASES: dict = {
    "mentee_subject_copy": Case("school", READ_CARDS, ("post",), obj="mentee", url_kwargs={"fmt": "pdf"}),
    "mentor_subject_copy": Case("school", READ_CARDS, ("post",), obj="mentor", url_kwargs={"fmt": "zip"}),
    "retention": Case("school", EDIT_BASES, ("get", "post"), post_data={"personal_data": "3", "participation": "1"}),
}
