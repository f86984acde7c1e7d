def test_it_starts_in_the_language_the_phone_asks_for(client, db):
    body = client.get("/report/", HTTP_ACCEPT_LANGUAGE="km-KH,km;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="km">' in body
    assert 'class="button button--big button--primary" type="submit" name="language" value="km"' in body


def test_it_lets_the_worker_choose_another_language_and_go_on_to_the_form(client, db):
    response = client.post("/language", {"language": "th", "next": "/report/new"}, HTTP_ACCEPT_LANGUAGE="km")
    assert response.status_code == 302 and response["Location"] == "/report/new"
    assert '<html lang="th">' in client.get("/report/new").content.decode()
