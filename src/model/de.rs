//! How YAML's null (`~`, `null`, or nothing after the colon) reads into the model: as an
//! absent value.
//!
//! serde_yaml hands a null scalar to a `String` field as the text `~` or `null`, which would
//! then be checked as a value and published. Fields read through [`or_default`] take their
//! default instead, so a required field set to `~` is reported as empty
//! (`schema/missing-field`) and an optional one is simply left out.

use serde::{Deserialize, Deserializer};

/// `#[serde(default, deserialize_with = "super::de::or_default")]`: null is the default.
pub(super) fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}
