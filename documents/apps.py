from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Документы"

    def ready(self):
        # Renderers register themselves by kind when their modules are imported.
        from core.audit import register_actions

        from . import renderers  # noqa: F401

        register_actions(
            {
                "document.created": "Создан документ",
                "document.edited": "Изменён текст документа",
                "document.sent": "Документ отправлен на утверждение",
                "document.approved": "Документ утверждён",
                "document.returned": "Документ возвращён на доработку",
                "document.submitted": "Дорожная карта отправлена на согласование",
                "document.agreed": "Дорожная карта согласована",
                "document.remarks": "Дорожная карта возвращена с замечаниями",
                "public_page.saved": "Изменён раздел «Наставничество» на сайте",
            }
        )
