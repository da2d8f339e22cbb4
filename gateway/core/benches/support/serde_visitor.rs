//! The parser the executor used before its own ([`quntuan_gateway::data::parse`]): a serde
//! visitor over serde_json's parser building the same tree. Kept here only as the benchmark's
//! reference, so that both are measured in one run.

use quntuan_gateway::data::{Data, Object, Str};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::fmt;

pub fn data(bytes: &[u8]) -> Result<Data, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let data = deserializer.deserialize_any(DataVisitor)?;
    deserializer.end()?;
    Ok(data)
}

struct DataVisitor;

struct Seed;

impl<'de> de::DeserializeSeed<'de> for Seed {
    type Value = Data;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Data, D::Error> {
        deserializer.deserialize_any(DataVisitor)
    }
}

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Data;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Data, E> {
        Ok(Data::Bool(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Data, E> {
        Ok(Data::Number(value.into()))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Data, E> {
        Ok(Data::Number(value.into()))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Data, E> {
        Ok(Number::from_f64(value).map_or(Data::Null, Data::Number))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Data, E> {
        Ok(Data::String(Str::new(value)))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Data, E> {
        Ok(Data::String(Str::from(value)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Data, E> {
        Ok(Data::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Data, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(Seed)? {
            items.push(item);
        }
        Ok(Data::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Data, A::Error> {
        let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(4).min(64));
        while let Some(key) = map.next_key::<Str>()? {
            let value = map.next_value_seed(Seed)?;
            fields.push((key, value));
        }
        Ok(Data::Object(Object::from_fields(fields)))
    }
}
