from django.apps import AppConfig


class TeachingStaffConfig(AppConfig):
    name = "teaching_staff"
    verbose_name = "Наставничество педагогических работников"

    def ready(self):
        from core.audit import register_actions

        register_actions(
            {
                "appointment.recorded": "Внесены условия наставничества (ст. 351.8 ТК РФ)",
                "appointment.addendum_signed": "Подписано дополнительное соглашение о наставничестве",
                "appointment.ended_early": "Наставничество прекращено досрочно",
                "council.member_added": "Наставник включён в совет наставников",
                "council.meeting_recorded": "Проведено заседание совета наставников",
                "council.proposal_accepted": "Принято предложение совета наставников о паре",
                "council.proposal_declined": "Отклонено предложение совета наставников о паре",
            }
        )
