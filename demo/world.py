"""The demo world (``manage.py seed_demo``): the Bolshaya Murta education department, its three schools, the demo
accounts with their roles, and the password they share."""

from core.roles import Role

DEMO_PASSWORD = "demo-nastavnik-2026"

MUNICIPALITY = {
    "slug": "bolshaya-murta",
    "name": "Управление образования администрации Большемуртинского района",
    "short_name": "УО Большемуртинского района",
    "region": "Красноярский край",
    "head_position": "Руководитель управления образования",
    "head_name": "С.Г. Максименко",
    "address": "663060, Красноярский край, пгт. Большая Мурта, ул. Кирова, 8",
}

SCHOOLS = [
    {
        "slug": "sh40",
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»",
        "short_name": "МБОУ «СШ №40»",
        "address": "663060, Красноярский край, пгт. Большая Мурта, ул. Советская, 40",
        "director_name": "Е.В. Смирнова",
        "inn": "2408001234",
        "ogrn": "1022400012345",
        "phone": "+7 (39198) 3-10-40",
        "email": "sh40@bmurta.example",
    },
    {
        "slug": "bm-sosh1",
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Большемуртинская средняя общеобразовательная школа №1»",
        "short_name": "МБОУ «Большемуртинская СОШ №1»",
        "address": "663060, Красноярский край, пгт. Большая Мурта, ул. Ленина, 21",
        "director_name": "А.Н. Кузнецов",
        "inn": "2408002345",
        "ogrn": "1022400023456",
        "phone": "+7 (39198) 3-12-01",
        "email": "sosh1@bmurta.example",
    },
    {
        "slug": "talazhanka",
        "name": "Муниципальное бюджетное общеобразовательное учреждение «Талажанская средняя общеобразовательная школа»",
        "short_name": "МБОУ «Талажанская СОШ»",
        "address": "663071, Красноярский край, Большемуртинский район, с. Талажанка, ул. Школьная, 1",
        "director_name": "О.И. Павлова",
        "inn": "2408003456",
        "ogrn": "1022400034567",
        "phone": "+7 (39198) 2-41-15",
        "email": "talazhanka@bmurta.example",
    },
]

# (e-mail, surname, name, patronymic, position, [(tenant slug, role)])
PEOPLE = [
    ("director@sh40.demo", "Смирнова", "Елена", "Викторовна", "Директор", [("sh40", Role.DIRECTOR)]),
    ("curator@sh40.demo", "Орлова", "Марина", "Сергеевна", "Заместитель директора по УВР", [("sh40", Role.CURATOR)]),
    ("methodist@sh40.demo", "Белова", "Ирина", "Петровна", "Педагог-психолог", [("sh40", Role.METHODIST)]),
    (
        "observer@sh40.demo",
        "Громов",
        "Павел",
        "Андреевич",
        "Председатель управляющего совета",
        [("sh40", Role.OBSERVER)],
    ),
    ("mentor1@sh40.demo", "Васильева", "Ольга", "Николаевна", "Учитель математики", [("sh40", Role.MENTOR)]),
    (
        "mentor2@sh40.demo",
        "Соколов",
        "Дмитрий",
        "Игоревич",
        "Учитель физики",
        [("sh40", Role.MENTOR), ("bm-sosh1", Role.MENTOR)],
    ),
    ("director@sosh1.demo", "Кузнецов", "Андрей", "Николаевич", "Директор", [("bm-sosh1", Role.DIRECTOR)]),
    ("director@talazhanka.demo", "Павлова", "Ольга", "Ивановна", "Директор", [("talazhanka", Role.DIRECTOR)]),
    (
        "coordinator@uo.demo",
        "Максименко",
        "Светлана",
        "Геннадьевна",
        "Руководитель управления образования",
        [("m:bolshaya-murta", Role.MUNICIPAL_COORDINATOR)],
    ),
    (
        "specialist@uo.demo",
        "Ефимова",
        "Наталья",
        "Александровна",
        "Ведущий специалист",
        [("m:bolshaya-murta", Role.MUNICIPAL_SPECIALIST)],
    ),
]

ADMIN = ("admin@portal.demo", "Администратор", "Платформы", "", "Сотрудник платформы")
