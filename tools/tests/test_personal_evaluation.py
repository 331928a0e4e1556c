"""The personal evaluation: five questions answered in the browser, exported without being stored."""

URL = "/verktyg/personlig-utvardering/"
ANSWERS = {
    "rubrik": "Mitt första år som chef",
    "fortsatta": "Veckomötena med gruppen.",
    "mer": "Delegera hela uppgifter.",
    "mindre": "",
    "sluta": "Svara på mejl sent på kvällen.",
    "borja": "Fråga gruppen om återkoppling.",
}


def test_the_five_questions_are_labelled_fields_kept_in_the_browser(client, db):
    html = client.get(URL).content.decode()
    for question in (
        "Vad ska jag fortsätta göra?",
        "Vad ska jag göra mer av?",
        "Vad ska jag göra mindre av?",
        "Vad ska jag sluta göra?",
        "Vad ska jag börja göra?",
    ):
        assert f">{question}" in html
    assert 'data-worksheet-form="personlig-utvardering"' in html
    assert 'method="post" action="/verktyg/personlig-utvardering/pdf/"' in html
    assert 'formaction="/verktyg/personlig-utvardering/text/"' in html
    assert (
        '<button type="button" class="button--secondary" data-worksheet-clear hidden>Rensa mina svar</button>' in html
    )


def test_the_answers_as_text(client, db):
    response = client.post(URL + "text/", ANSWERS)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="personlig-utvardering.txt"'
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert text.startswith("Personlig utvärdering: Mitt första år som chef\n")
    assert "Vad ska jag göra mer av?\nDelegera hela uppgifter.\n" in text
    assert "Vad ska jag göra mindre av?\n–\n" in text


def test_the_answers_as_pdf(client, db, pdf_text):
    text = pdf_text(client.post(URL + "pdf/", ANSWERS))
    assert "Personlig utvärdering" in text and "Mitt första år som chef" in text
    assert "Vad ska jag sluta göra?" in text and "Svara på mejl sent på kvällen." in text


def test_nothing_to_export_is_explained_and_what_was_typed_is_kept(client, db):
    response = client.post(URL + "pdf/", {"rubrik": "Våren", "mer": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Skriv ett svar på minst en av frågorna innan du laddar ner." in html
    assert 'value="Våren"' in html


def test_too_long_answers_get_a_field_error(client, db):
    html = client.post(URL + "text/", {"mer": "x" * 3001}).content.decode()
    assert 'id="id_mer_error">Svaret får vara högst 3000 tecken.</p>' in html


def test_the_export_addresses_only_take_posted_answers(client, db):
    assert client.get(URL + "pdf/").status_code == 302
    assert client.get(URL + "text/")["Location"] == URL
