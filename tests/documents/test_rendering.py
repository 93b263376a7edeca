"""The regulation, the implementation order and the roadmap rendered to PDF (WeasyPrint) and DOCX
(python-docx) from the same content, parsed back: the required parts are there, and whatever a user typed
stays text."""

import io

import docx
from django.urls import reverse
from pypdf import PdfReader

from core.rendering import renderer_for
from core.roles import Role
from documents.kinds import content_of
from documents.models import Document
from documents.services import drafting, workflow

STAGES = (
    "Подготовка условий для запуска программы наставничества",
    "Формирование базы наставляемых",
    "Формирование базы наставников",
    "Отбор и обучение наставников",
    "Формирование наставнических пар или групп",
    "Организация работы наставнических пар или групп",
    "Завершение наставничества",
)


def render(document, fmt):
    return renderer_for(document.kind).render({"content": content_of(document), "name": "test"}, fmt)


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), len(reader.pages)


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def both(document):
    pdf = render(document, "pdf")
    word = render(document, "docx")
    assert pdf.mimetype == "application/pdf" and pdf.filename.endswith(".pdf")
    assert word.filename.endswith(".docx")
    text, pages = pdf_text(pdf.content)
    return text, pages, docx_text(word.content)


def test_regulation_has_title_page_and_four_sections(make, school):
    text, pages, word = both(make("regulation"))
    for part in (
        "УТВЕРЖДЕНО",
        "приказом",
        "ПОЛОЖЕНИЕ",
        f"о программе наставничества {school.name}",
        "1. Общие положения",
        "2. Права и обязанности участников программы наставничества",
        "3. Результаты реализации программы наставничества",
        "4. Перечень документов, регламентирующих реализацию программы наставничества",
        "«учитель – ученик»",
    ):
        assert part in text, part
        assert part in word, part
    assert pages >= 4


def test_roadmap_has_seven_stages_with_dates(make, programme):
    text, _, word = both(make("roadmap"))
    stages = list(programme.stages.order_by("number"))
    for stage, name in zip(stages, STAGES, strict=True):
        assert name in word
        assert stage.starts_on.strftime("%d.%m.%Y") in word
        assert stage.ends_on.strftime("%d.%m.%Y") in text.replace(" ", "") or stage.ends_on.strftime("%d.%m.%Y") in text
    assert "ДОРОЖНАЯ КАРТА" in text and "СОГЛАСОВАНО" in text and "Билет в будущее" in word


def test_implementation_order_has_points_signature_and_appendices(make, school, programme):
    text, pages, word = both(make("implementation_order"))
    for part in (
        school.name,
        "ПРИКАЗ",
        "О внедрении целевой модели наставничества",
        "ПРИКАЗЫВАЮ:",
        "Назначить куратором",
        "Утвердить положение о программе наставничества (приложение 1)",
        "Утвердить дорожную карту",
        "Контроль за исполнением настоящего приказа оставляю за собой",
        "Приложение 1",
        "Приложение 2",
        "Приложение 3",
        "к приказу от",
        "О.И. Петрова",
        "пгт Большая Мурта",
    ):
        assert part in word, part
    assert "ПРИКАЗЫВАЮ:" in text and "Приложение 3" in text
    assert pages > 6  # the regulation and the roadmap are appended


def test_typed_markup_stays_text_and_fetches_nothing(make):
    typed = '<img src="file:///etc/passwd"><b>жирный</b> <script>alert(1)</script>'
    document = make("roadmap", informing=f"- {typed}")
    text, _, word = both(document)
    assert "<b>жирный</b>" in word
    assert "жирный" in text and "root:" not in text
    html = renderer_for("roadmap")  # the preview escapes it too
    assert html is not None


def test_preview_escapes_typed_markup(world, school, programme, make):
    document = make("roadmap", informing='- <img src="file:///etc/passwd">')
    page = world.client_for(world.users[Role.CURATOR]).get(document.get_absolute_url()).content.decode()
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in page
    assert '<img src="file:///etc/passwd">' not in page


def test_a_very_long_text_is_refused_and_nothing_changes(world, school, programme, make):
    document = make("roadmap")
    client = world.client_for(world.users[Role.CURATOR])
    url = reverse("document_edit", kwargs={"org": school.slug, "pk": document.pk})
    response = client.post(url, {"informing": "а" * 20001, "attracting": "- Встреча с выпускниками"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Не больше 20000 знаков" in page
    assert "Встреча с выпускниками" in page  # what was typed is kept
    document.refresh_from_db()
    assert document.blocks == {}


def test_long_regulation_texts_flow_over_pages(make):
    long = "\n".join(f"- пункт {n}: " + "наставник помогает наставляемому " * 12 for n in range(45))
    text, pages, _ = both(make("regulation", mentor_duties=long))
    assert "пункт 44" in text and pages > 8


def test_a_download_runs_as_a_job_and_gives_the_file(
    world, school, programme, make, django_capture_on_commit_callbacks
):
    document = make("regulation")
    client = world.client_for(world.users[Role.CURATOR])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("document_render", kwargs={"org": school.slug, "pk": document.pk, "fmt": "docx"})
        )
    job_page = client.get(response["Location"]).content.decode()
    assert "Файл готов" in job_page
    download = client.get(response["Location"] + "download/")
    body = b"".join(download.streaming_content)
    assert "1. Общие положения" in docx_text(body)
    assert Document.owned.filter(pk=document.pk).exists()


def test_the_roadmap_table_is_set_on_landscape_pages(make):
    roadmap = make("roadmap")
    first = PdfReader(io.BytesIO(render(roadmap, "pdf").content)).pages[0]
    assert first.mediabox.width > first.mediabox.height
    section = docx.Document(io.BytesIO(render(roadmap, "docx").content)).sections[0]
    assert section.page_width > section.page_height
    # In the implementation order only the roadmap's appendix turns: the order itself stays portrait.
    pages = PdfReader(io.BytesIO(render(make("implementation_order"), "pdf").content)).pages
    turned = [page.mediabox.width > page.mediabox.height for page in pages]
    assert not turned[0] and any(turned) and not turned[-1]


def test_the_order_cites_a_regulation_approved_before_instead_of_appending_it(make, school, curator, director):
    regulation = make("regulation", mentor_duties="- вести журнал наставника еженедельно")
    workflow.send_for_approval(regulation, actor=curator)
    regulation = workflow.approve(regulation, actor=director, roles=frozenset({Role.DIRECTOR}))
    order = make("implementation_order")
    word = docx_text(render(order, "docx").content)
    cited = (
        f"Руководствоваться положением о программе наставничества в редакции приказа от {regulation.dated:%d.%m.%Y} "
    )
    assert cited + f"№ {regulation.number}" in word
    assert "вести журнал наставника еженедельно" not in word  # not appended a second time
    drafting.update_texts(regulation, {"mentor_duties": "- черновик новой редакции"}, actor=curator)  # version 2
    word = docx_text(render(order, "docx").content)
    assert "черновик новой редакции" in word  # the order will approve the new draft as its appendix 1
    assert "Утвердить положение о программе наставничества (приложение 1)" in word
