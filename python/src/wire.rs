//! `septet.encode`, `septet.decode`, `septet.decode_pdu` and `septet.Reassembler`: the wire
//! objects of the pdu contract (`pdu-encoding.md` section 8) through `septet-report`, and the
//! core `septet::Reassembler` behind a thin binding.

use std::collections::HashMap;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyType};
use serde_json::Value;

use crate::convert::to_py;
use std::sync::Arc;

use crate::analysis::{analyze_one, extract_text};
use crate::options::parse_encode;

/// `septet._errors.<name>(kind, detail)`, ready to raise.
fn wire_error(py: Python<'_>, name: &'static str, kind: &str, detail: String) -> PyErr {
    static DECODE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static ENCODE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let cell = if name == "DecodeError" {
        &DECODE
    } else {
        &ENCODE
    };
    match cell
        .import(py, "septet._errors", name)
        .and_then(|class| class.call1((kind, detail)))
    {
        Ok(error) => PyErr::from_value(error),
        Err(e) => e,
    }
}

fn pdu_error(py: Python<'_>, name: &'static str, e: &septet::PduError) -> PyErr {
    wire_error(py, name, septet_report::pdu_error_kind(e), e.to_string())
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Encodes one message: the object of `septet encode --json`, as a dict (hex strings).
#[pyfunction]
#[pyo3(signature = (text, /, **options))]
pub(crate) fn encode_object<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = Arc::new(parse_encode(options)?);
    let text = extract_text(text, None)?;
    // Rejections raise `RejectedError` exactly as `analyze` does.
    let analysis = septet::analyze_with(&text, &settings.options);
    analyze_one(py, text.clone_ref(py), analysis, &settings)?.map_err(PyErr::from_value)?;
    match septet_report::encode_report(&text, &settings) {
        Ok(report) => to_py(py, &report),
        Err(septet_report::Error::Pdu(e)) => Err(pdu_error(py, "EncodeError", &e)),
        Err(other) => {
            let value = to_value(&other);
            let kind = value
                .get("kind")
                .and_then(Value::as_str)
                .unwrap_or("internal")
                .to_string();
            Err(wire_error(py, "EncodeError", &kind, format!("{value}")))
        }
    }
}

/// One decoded part (from `septet.decode` or `septet.decode_pdu`). Immutable.
///
/// Attributes as `septet decode --json` names them: `text` (`None` for 8-bit data, which is in
/// `data` as `bytes`), `encoding` (`"GSM-7"`, `"UCS-2"`, `"8-bit"`), `national_language`
/// (`{"locking", "single"}`), `concat` (`None`, or `{"reference", "total", "sequence",
/// "bits"}`), `warnings`; `address` is the TPDU's number (`decode_pdu` only).
///
/// ```python
/// >>> import septet
/// >>> d = septet.decode(bytes.fromhex("050003070201D06536FB8D2EB3D96F"), dcs=0, udhi=True, udl=17)
/// >>> d.text, d.encoding, d.concat
/// ('hellohello', 'GSM-7', {'reference': 7, 'total': 2, 'sequence': 1, 'bits': 8})
/// >>> d.to_dict()["national_language"]
/// {'locking': None, 'single': None}
///
/// ```
#[pyclass(frozen, module = "septet", name = "Decoded")]
pub struct Decoded {
    decoded: septet::DecodedUserData,
    /// The TPDU's originator or destination address (from `decode_pdu`).
    address: Option<String>,
}

impl Decoded {
    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        match self.object_py(py)?.cast::<PyDict>()?.get_item(name)? {
            Some(value) => Ok(value),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// The object `septet decode --json` prints, in its field order.
    fn object_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &septet_report::DecodedReport::from(&self.decoded))
    }
}

#[pymethods]
impl Decoded {
    /// The text, or `None` for an 8-bit payload.
    #[getter]
    fn text(&self) -> Option<&str> {
        self.decoded.text.as_deref()
    }

    /// The payload of an 8-bit part as `bytes`, else `None`.
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.decoded.data.as_deref().map(|d| PyBytes::new(py, d))
    }

    /// `"GSM-7"`, `"UCS-2"` or `"8-bit"`, as `septet decode --json` names it.
    #[getter]
    fn encoding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "encoding")
    }

    /// `{"locking": name or None, "single": name or None}`.
    #[getter]
    fn national_language<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "national_language")
    }

    /// `None`, or `{"reference", "total", "sequence", "bits"}` of a concatenated part.
    #[getter]
    fn concat<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "concat")
    }

    /// Warnings: dicts with `kind` and `detail`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "warnings")
    }

    /// The originator (SMS-DELIVER) or destination (SMS-SUBMIT) of a part read by
    /// `decode_pdu`, else `None`.
    #[getter]
    fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// The object `septet decode --json` prints, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.object_py(py)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Decoded>()
            .is_ok_and(|o| self.decoded == o.get().decoded)
    }

    fn __repr__(&self) -> String {
        let report = septet_report::DecodedReport::from(&self.decoded);
        format!(
            "Decoded({})",
            serde_json::to_string(&report).unwrap_or_default()
        )
    }
}

fn octets(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{name}: expected bytes, got str (use bytes.fromhex)"
        )));
    }
    value
        .extract::<Vec<u8>>()
        .map_err(|_| PyTypeError::new_err(format!("{name}: expected bytes")))
}

fn decode_part(
    py: Python<'_>,
    user_data: &Bound<'_, PyAny>,
    dcs: u8,
    udhi: bool,
    udl: usize,
) -> PyResult<septet::DecodedUserData> {
    let bytes = octets("user_data", user_data)?;
    py.detach(|| septet::decode_user_data(&bytes, dcs, udhi, udl))
        .map_err(|e| pdu_error(py, "DecodeError", &e))
}

/// Decodes one part's TP-UD (`user_data`, header included, as `bytes`) given its TP-DCS,
/// TP-UDHI and TP-UDL (septets for GSM-7, octets otherwise), as an SMPP `deliver_sm` or a modem
/// gives them; malformed input raises `septet.DecodeError` with its `kind`.
///
/// ```python
/// >>> import septet
/// >>> septet.decode(bytes.fromhex("C8329BFD06"), dcs=0, udhi=False, udl=5).text
/// 'Hello'
/// >>> d = septet.decode(bytes.fromhex("03240101D81C37F330"), dcs=0, udhi=True, udl=10)
/// >>> d.text, d.national_language
/// ('Ğşa', {'locking': None, 'single': 'turkish'})
/// >>> septet.decode(b"\x05\x00\x03", dcs=0, udhi=True, udl=12)
/// Traceback (most recent call last):
///   ...
/// septet.DecodeError: user data too short: TP-UDL needs 11 octets, 3 present (user_data_too_short)
///
/// ```
#[pyfunction]
#[pyo3(signature = (user_data, /, *, dcs, udhi, udl))]
pub(crate) fn decode(
    py: Python<'_>,
    user_data: &Bound<'_, PyAny>,
    dcs: u8,
    udhi: bool,
    udl: usize,
) -> PyResult<Decoded> {
    Ok(Decoded {
        decoded: decode_part(py, user_data, dcs, udhi, udl)?,
        address: None,
    })
}

/// Decodes a whole SMS-DELIVER or SMS-SUBMIT TPDU (optionally led by its SMSC address, as
/// `AT+CMGL` prints it), given as `bytes` or a hex `str`: a `Decoded` with `text`, `concat`,
/// `national_language` and the TPDU's `address`.
///
/// ```python
/// >>> import septet
/// >>> d = septet.decode_pdu("07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F")
/// >>> d.text, d.encoding, d.address, d.concat
/// ('™©®hello', 'UCS-2', '+14154255486', None)
///
/// ```
#[pyfunction]
#[pyo3(signature = (pdu, /))]
pub(crate) fn decode_pdu(py: Python<'_>, pdu: &Bound<'_, PyAny>) -> PyResult<Decoded> {
    let bytes = if pdu.is_instance_of::<PyString>() {
        let hex: String = pdu.extract()?;
        septet::decode_hex(hex.trim()).map_err(|e| pdu_error(py, "DecodeError", &e))?
    } else {
        octets("pdu", pdu)?
    };
    let tpdu = septet::decode_tpdu(&bytes).map_err(|e| pdu_error(py, "DecodeError", &e))?;
    Ok(Decoded {
        decoded: tpdu.user_data,
        address: Some(tpdu.address),
    })
}

/// Puts concatenated parts back together, in any order (the core `septet::Reassembler`).
///
/// `push` takes a `Decoded` part (or `user_data=`, `dcs=`, `udhi=`, `udl=`), with the `sender`
/// that groups parts (default: the address of a `decode_pdu` part), an `id` of the caller's and
/// the caller's clock `now`; it returns the messages the part completed, as dicts `{"ids",
/// "sender", "text", "data", "parts", "warnings"}` with `ids` in sequence order, and any
/// message that expired (`"expired": True`, with the sequence numbers `missing`). A repeated
/// part is dropped and counted in `duplicates`; `finish()` returns the messages still missing
/// parts. Memory is bounded by `max_pending` messages and, with `max_age`, by age.
///
/// ```python
/// >>> import septet
/// >>> first, second = septet.encode("hellohello" * 16 + "!", reference=7).encoded_parts
/// >>> r = septet.Reassembler()
/// >>> r.push(user_data=second.user_data, dcs=second.dcs, udhi=second.udhi, udl=second.udl, sender="+4915", id="b")
/// []
/// >>> r.pending
/// 1
/// >>> part = septet.decode(first.user_data, dcs=first.dcs, udhi=first.udhi, udl=first.udl)
/// >>> [(m["ids"], m["parts"], m["text"][-6:]) for m in r.push(part, sender="+4915", id="a")]
/// [(['a', 'b'], 2, 'hello!')]
/// >>> r = septet.Reassembler()
/// >>> r.push(part, sender="+4915", id="a"), r.finish()
/// ([], [{'ids': ['a'], 'sender': '+4915', 'reference': 7, 'total': 2, 'bits': 8, 'missing': [2]}])
///
/// ```
#[pyclass(module = "septet", name = "Reassembler")]
pub struct Reassembler {
    core: Option<septet::Reassembler<Option<String>, u64>>,
    /// The callers' ids by the number the core holds.
    ids: HashMap<u64, Py<PyAny>>,
    next: u64,
    /// The clock when `push` is given no `now`: the count of parts pushed.
    pushed: u64,
    /// Parts dropped as duplicates so far.
    duplicates: u64,
}

impl Reassembler {
    fn core(&mut self) -> PyResult<&mut septet::Reassembler<Option<String>, u64>> {
        self.core
            .as_mut()
            .ok_or_else(|| PyValueError::new_err("the Reassembler is finished"))
    }

    fn take_ids<'py>(&mut self, py: Python<'py>, ids: &[u64]) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for id in ids {
            match self.ids.remove(id) {
                Some(id) => list.append(id)?,
                None => list.append(py.None())?,
            }
        }
        Ok(list)
    }

    fn incomplete<'py>(
        &mut self,
        py: Python<'py>,
        incomplete: septet::Incomplete<Option<String>, u64>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("ids", self.take_ids(py, &incomplete.ids)?)?;
        dict.set_item("sender", incomplete.key.sender.clone())?;
        dict.set_item("reference", incomplete.key.reference)?;
        dict.set_item("total", incomplete.key.total)?;
        dict.set_item(
            "bits",
            match incomplete.key.bits {
                septet::ReferenceBits::Eight => 8,
                _ => 16,
            },
        )?;
        dict.set_item("missing", PyList::new(py, incomplete.missing)?)?;
        Ok(dict)
    }
}

#[pymethods]
impl Reassembler {
    #[new]
    #[pyo3(signature = (*, max_pending=4096, max_age=None, remembered_completed=4096))]
    fn new(
        max_pending: usize,
        max_age: Option<u64>,
        remembered_completed: usize,
    ) -> PyResult<Self> {
        if max_pending == 0 {
            return Err(PyValueError::new_err("max_pending: expected at least 1"));
        }
        Ok(Reassembler {
            core: Some(septet::Reassembler::new(septet::ReassemblyLimits {
                max_pending,
                max_age,
                remembered_completed,
            })),
            ids: HashMap::new(),
            next: 0,
            pushed: 0,
            duplicates: 0,
        })
    }

    /// Takes one part; returns the messages it completed (and any that expired).
    #[pyo3(signature = (part=None, /, *, sender=None, id=None, now=None, user_data=None, dcs=None, udhi=None, udl=None))]
    #[allow(clippy::too_many_arguments)]
    fn push<'py>(
        &mut self,
        py: Python<'py>,
        part: Option<&Bound<'py, PyAny>>,
        sender: Option<String>,
        id: Option<Py<PyAny>>,
        now: Option<u64>,
        user_data: Option<&Bound<'py, PyAny>>,
        dcs: Option<u8>,
        udhi: Option<bool>,
        udl: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let owned;
        let (decoded, address) = match (part, user_data) {
            (Some(part), None) => {
                if dcs.is_some() || udhi.is_some() || udl.is_some() {
                    return Err(PyTypeError::new_err(
                        "give either a decoded part or user_data=, dcs=, udhi=, udl=",
                    ));
                }
                let part = part.cast::<Decoded>().map_err(|_| {
                    PyTypeError::new_err("part: expected a septet.Decoded (from septet.decode)")
                })?;
                owned = part.get().decoded.clone();
                (&owned, part.get().address.clone())
            }
            (None, Some(user_data)) => {
                let (Some(dcs), Some(udl)) = (dcs, udl) else {
                    return Err(PyTypeError::new_err("user_data needs dcs= and udl="));
                };
                owned = decode_part(py, user_data, dcs, udhi.unwrap_or(false), udl)?;
                (&owned, None)
            }
            _ => {
                return Err(PyTypeError::new_err(
                    "give either a decoded part or user_data=, dcs=, udhi=, udl=",
                ))
            }
        };
        self.pushed += 1;
        let now = now.unwrap_or(self.pushed);
        let number = self.next;
        self.next += 1;
        let id = id.unwrap_or_else(|| {
            number
                .into_pyobject(py)
                .map_or(py.None(), |n| n.into_any().unbind())
        });
        self.ids.insert(number, id);
        let events = self.core()?.push(sender.or(address), number, decoded, now);
        let out = PyList::empty(py);
        for event in events {
            match event {
                septet::ReassemblyEvent::Completed(done) => {
                    let dict = PyDict::new(py);
                    dict.set_item("ids", self.take_ids(py, &done.ids)?)?;
                    dict.set_item("sender", done.sender)?;
                    dict.set_item("text", done.text)?;
                    dict.set_item("data", done.data.map(|d| PyBytes::new(py, &d)))?;
                    dict.set_item("parts", done.parts)?;
                    let warnings = done
                        .warnings
                        .into_iter()
                        .map(septet_report::DecodeWarningReport::from)
                        .collect::<Vec<_>>();
                    dict.set_item("warnings", to_py(py, &warnings)?)?;
                    out.append(dict)?;
                }
                septet::ReassemblyEvent::Duplicate { id, .. } => {
                    // Dropped: the caller can tell by the empty result and `duplicates`.
                    self.ids.remove(&id);
                    self.duplicates += 1;
                }
                septet::ReassemblyEvent::Expired(incomplete) => {
                    let dict = self.incomplete(py, incomplete)?;
                    dict.set_item("expired", true)?;
                    out.append(dict)?;
                }
                #[allow(unreachable_patterns)]
                _ => {}
            }
        }
        Ok(out)
    }

    /// Parts dropped so far because the same part had already arrived.
    #[getter]
    fn duplicates(&self) -> u64 {
        self.duplicates
    }

    /// Incomplete messages held.
    #[getter]
    fn pending(&self) -> usize {
        self.core.as_ref().map_or(0, |c| c.pending())
    }

    /// Ends the input: the messages still incomplete, with `missing` sequence numbers.
    fn finish<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let core = self
            .core
            .take()
            .ok_or_else(|| PyValueError::new_err("the Reassembler is finished"))?;
        let out = PyList::empty(py);
        for incomplete in core.finish() {
            out.append(self.incomplete(py, incomplete)?)?;
        }
        Ok(out)
    }
}
