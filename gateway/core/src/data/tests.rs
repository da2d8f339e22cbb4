use super::*;
use serde_json::json;

fn round_trip(text: &str) -> String {
    let data = parse::data(text.as_bytes()).expect("valid JSON");
    let mut out = Vec::new();
    write::value(&mut out, &data);
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn parsing_and_writing_give_serde_json_text_back() {
    let text = r#"{"a":[1,-2,3.5,1e300,true,false,null],"long string over twenty-two bytes":"x\"y\\z\n\u0001é","":{},"l":[]}"#;
    let expected =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(text).expect("JSON"))
            .expect("serialises");
    assert_eq!(round_trip(text), expected);
}

#[test]
fn objects_keep_their_order_and_replace_in_place() {
    let mut object = Object::new();
    object.insert("b", Data::Bool(true));
    object.insert("a", Data::Null);
    object.insert("b", Data::Bool(false));
    let keys: Vec<&str> = object.keys().map(Str::as_str).collect();
    assert_eq!(keys, ["b", "a"]);
    assert_eq!(object.get("b"), Some(&Data::Bool(false)));
    assert_eq!(object.remove("b"), Some(Data::Bool(false)));
    assert_eq!(object.len(), 1);
}

#[test]
fn conversions_keep_the_value() {
    let value = json!({"x": [1, "two", {"three": 3.0}], "long key that is heap allocated": null});
    let data = Data::from(value.clone());
    assert_eq!(data.to_json(), value);
    assert_eq!(data.to_string(), value.to_string());
}

#[test]
fn an_answer_splits_data_from_errors_and_tells_json_that_is_not_graphql() {
    let mut answer =
        parse::answer(br#"{"errors":[{"message":"m"}],"data":{"a":1},"extensions":{"x":[1]}}"#)
            .expect("JSON")
            .expect("an object");
    assert!(answer.is_graphql());
    assert_eq!(answer.take_errors(), vec![json!({"message": "m"})]);
    assert_eq!(answer.data, Some(Data::from(json!({"a": 1}))));
    let null = parse::answer(br#"{"data":null}"#)
        .expect("JSON")
        .expect("an object");
    assert_eq!(null.data, Some(Data::Null));
    assert!(
        !parse::answer(br#"{"other":1}"#)
            .expect("JSON")
            .expect("an object")
            .is_graphql()
    );
    assert!(parse::answer(b"[1,2]").expect("JSON").is_none());
    assert!(parse::answer(b"{nope").is_err());
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them_wherever_the_escape_falls() {
    // Every ASCII byte and a few multi-byte characters, at every offset of the eight-byte
    // scan, alone and in runs: the fast scan must find each escape exactly.
    let mut specials: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
    specials.extend(["é", "成都", "\u{2028}", "\u{7f}"].map(String::from));
    for special in &specials {
        for prefix in 0..17 {
            for suffix in [0, 1, 7, 8, 9] {
                let text = format!("{}{special}{}", "a".repeat(prefix), "b".repeat(suffix));
                let mut out = Vec::new();
                write::string(&mut out, &text);
                let expected = serde_json::to_string(&text).expect("a string serialises");
                assert_eq!(String::from_utf8(out).expect("UTF-8"), expected, "{text:?}");
            }
        }
    }
    let mut out = Vec::new();
    write::string(&mut out, "\"\\\n\u{1}x\"");
    assert_eq!(out, br#""\"\\\n\u0001x\"""#);
}

#[test]
fn a_lookup_from_a_cursor_finds_fields_in_any_order_and_moves_past_them() {
    let Data::Object(object) = Data::from(json!({"a": 1, "b": 2, "c": 3})) else {
        panic!("an object");
    };
    let mut cursor = 0;
    let mut found = Vec::new();
    for key in ["a", "c", "b", "a", "missing", "c"] {
        found.push((object.get_from(key, &mut cursor).cloned(), cursor));
    }
    let number = |n: i32| Some(Data::from(json!(n)));
    assert_eq!(
        found,
        vec![
            (number(1), 1),
            (number(3), 3),
            (number(2), 2),
            (number(1), 1),
            (None, 1),
            (number(3), 3),
        ]
    );
}
