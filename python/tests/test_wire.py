"""septet.encode / decode / decode_pdu / Reassembler: the contract's vectors, agreement with
`septet encode --json` and `septet decode --json`, round trips and bad input by kind."""

import json
import random
import subprocess

import pytest

import septet

ANDROID_GSM = (
    "07914151551512f2040B916105551511f100006080615131728A44D4F29C0E2AE3E96537B94C068DD16179784C2F"
    "CB41F4B0985D06B958ADD00FB0E94536AF974974DA6D281BA00E95E26D509B946FC3DBF87A25D56A04"
)
ANDROID_UCS2 = "07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F"


def cli_json(cli, args):
    run = subprocess.run([cli, *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


# pdu-encoding.md section 7: text, UDH, TP-UDL, TP-UD.
@pytest.mark.parametrize(
    "text, udl, user_data",
    [
        ("hellohello", 10, "E8329BFD4697D9EC37"),
        ("Hello", 5, "C8329BFD06"),
        ("Hello, world!", 13, "C8329BFD6681EE6F399B1C02"),
        ("Hello everyone!", 15, "C8329BFD0695ED6579FEED2E8700"),
    ],
)
def test_section_7_single_parts(text, udl, user_data):
    e = septet.encode(text)
    assert e.reference is None and e.parts == 1 and e.encoding == "GSM-7"
    [p] = e.encoded_parts
    assert (p.udh, p.udl, p.dcs, p.udhi, p.tpdu) == (b"", udl, 0, False, None)
    assert p.user_data == bytes.fromhex(user_data)
    assert (p.smpp.data_coding, p.smpp.esm_class) == (0, 0)
    d = septet.decode(p.user_data, dcs=0, udhi=False, udl=udl)
    assert (d.text, d.encoding, d.concat) == (text, "GSM-7", None)


@pytest.mark.parametrize(
    "user_data, udl, text, concat, language",
    [
        ("050003000201D06536FB8D2EB3D96F", 17, "hellohello",
         {"reference": 0, "total": 2, "sequence": 1, "bits": 8}, (None, None)),
        ("060804D0DE0201E8329BFD4697D9EC37", 18, "hellohello",
         {"reference": 0xD0DE, "total": 2, "sequence": 1, "bits": 16}, (None, None)),
        ("03240101D81C37F330", 10, "Ğşa", None, (None, "turkish")),
        ("03250106780999DF5316", 11, "नमस्ते", None, ("hindi", None)),
    ],
)
def test_section_7_headers_decode(user_data, udl, text, concat, language):
    d = septet.decode(bytes.fromhex(user_data), dcs=0, udhi=True, udl=udl)
    assert d.text == text
    assert d.concat == concat
    assert (d.national_language["locking"], d.national_language["single"]) == language
    assert d.data is None and d.warnings == []


def test_android_pdus(septet_cli):
    d = septet.decode_pdu(ANDROID_GSM)
    assert d.text == "Test extended character table .,-!?@~_\\/&\"';^|:()<{}>[]=%*+#"
    assert d.encoding == "GSM-7"
    assert septet.decode_pdu(bytes.fromhex(ANDROID_GSM)) == d
    u = septet.decode_pdu(ANDROID_UCS2)
    assert (u.text, u.encoding) == ("™©®hello", "UCS-2")
    for pdu, got in ((ANDROID_GSM, d), (ANDROID_UCS2, u)):
        assert got.to_dict() == cli_json(septet_cli, ["decode", "--json", pdu])


def messages(make_corpus):
    rng = random.Random(7)
    texts = [t for t in make_corpus(120, seed=29) if t and len(t) < 1000]
    out = []
    for i, text in enumerate(texts[:60]):
        options = {}
        if i % 3 == 0:
            options["reference"] = rng.randint(0, 255)
        if i % 4 == 1:
            options["to"] = rng.choice(["+4915112345678", "01701234567"])
        if i % 5 == 2:
            options["smpp_packing"] = "packed"
        if i % 7 == 3:
            options["smart_encoding"] = True
        if i % 6 == 5:
            options["national_languages"] = rng.choice(["all", "turkish:single,hindi"])
        if i % 8 == 6:
            options["concat"] = "udh16"
        out.append((text, options))
    return out


def cli_flags(options):
    flags = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        flags += [flag] if value is True else [flag, str(value)]
    return flags


def test_encode_agrees_with_the_cli(septet_cli, make_corpus):
    checked = 0
    for text, options in messages(make_corpus):
        run = subprocess.run(
            [septet_cli, "encode", "--json", *cli_flags(options), "--", text],
            capture_output=True, text=True,
        )
        try:
            e = septet.encode(text, **options)
        except septet.RejectedError as rejected:
            assert run.returncode == 1, (text, run.stdout)
            assert json.loads(run.stdout)["error"] == rejected.details
            continue
        assert run.returncode == 0, (text, options, run.stderr)
        assert e.to_dict() == json.loads(run.stdout), (text, options)
        # In the CLI's field order too: json.dumps prints what the CLI prints.
        assert json.dumps(e.to_dict(), indent=2, ensure_ascii=False) + "\n" == run.stdout
        # The attributes mirror the JSON.
        obj = e.to_dict()
        assert (e.encoding, e.parts, e.units, e.reference) == (
            obj["encoding"], obj["parts"], obj["units"], obj["reference"])
        for part, raw in zip(e.encoded_parts, obj["encoded_parts"]):
            assert part.user_data.hex().upper() == raw["user_data"]
            assert part.udh.hex().upper() == raw["udh"]
            assert part.smpp.short_message.hex().upper() == raw["smpp"]["short_message"]
            assert (part.tpdu is None) == ("to" not in options)
        checked += 1
    assert checked >= 50


def test_decode_agrees_with_the_cli(septet_cli):
    for text in ("hellohello", "a" * 200, "ж" * 80, "Ğşa"):
        for part in septet.encode(text, reference=9).encoded_parts:
            d = septet.decode(part.user_data, dcs=part.dcs, udhi=part.udhi, udl=part.udl)
            args = ["decode", "--json", "--dcs", str(part.dcs), "--udl", str(part.udl)]
            args += ["--udhi"] if part.udhi else []
            run = subprocess.run([septet_cli, *args, part.user_data.hex().upper()],
                                 capture_output=True, text=True)
            assert d.to_dict() == json.loads(run.stdout)
            assert json.dumps(d.to_dict(), indent=2, ensure_ascii=False) + "\n" == run.stdout
            for field in ("text", "encoding", "national_language", "concat", "warnings"):
                assert getattr(d, field) == d.to_dict()[field]


def test_round_trip_through_the_reassembler(make_corpus):
    rng = random.Random(3)
    reassembler = septet.Reassembler()
    expected = {}
    pushed = []
    for i, (text, options) in enumerate(messages(make_corpus)):
        options = {k: v for k, v in options.items() if k != "reference"}
        try:
            e = septet.encode(text, reference=i % 256, **options)
        except septet.RejectedError:
            continue
        expected[i] = (text, options, e)
        for n, part in enumerate(e.encoded_parts):
            if part.tpdu is not None:
                decoded = septet.decode_pdu(part.tpdu)
            else:
                decoded = septet.decode(part.user_data, dcs=part.dcs, udhi=part.udhi, udl=part.udl)
            pushed.append((decoded, f"s{i}", (i, n)))
    # A duplicate of every fifth part of a concatenated message, then all in a random order
    # (a part without a concatenation header is a message of its own, not a duplicate).
    duplicates = [p for p in pushed[::5] if p[0].concat is not None]
    assert len(duplicates) > 5
    pushed += duplicates
    rng.shuffle(pushed)
    done = []
    for decoded, sender, ident in pushed:
        done += reassembler.push(decoded, sender=sender, id=ident)
    assert reassembler.finish() == []
    assert len(done) == len(expected)
    assert reassembler.duplicates == len(duplicates)
    for message in done:
        i = message["ids"][0][0]
        text, options, e = expected[i]
        assert message["sender"] == f"s{i}"
        assert message["parts"] == e.parts == len(message["ids"])
        assert message["ids"] == [(i, n) for n in range(e.parts)]
        assert message["warnings"] == [] and message["data"] is None
        if options.get("smart_encoding"):
            # The outgoing text is smart encoding's: encoding it again gives the same parts.
            again = septet.encode(message["text"], reference=i % 256, **options)
            assert again.encoded_parts and again.to_dict()["encoded_parts"] == e.to_dict()["encoded_parts"]
        else:
            assert message["text"] == text


def test_reassembler_reports_what_is_missing():
    r = septet.Reassembler(max_pending=8)
    parts = septet.encode("x" * 400, reference=5).encoded_parts
    assert len(parts) == 3
    assert r.push(user_data=parts[2].user_data, dcs=0, udhi=True, udl=parts[2].udl,
                  sender="+1", id="c") == []
    assert r.push(septet.decode(parts[0].user_data, dcs=0, udhi=True, udl=parts[0].udl),
                  sender="+1", id="a") == []
    assert r.pending == 1
    [incomplete] = r.finish()
    assert incomplete == {"ids": ["a", "c"], "sender": "+1", "reference": 5, "total": 3,
                          "bits": 8, "missing": [2]}
    with pytest.raises(ValueError):
        r.finish()


def test_reassembler_expires_by_age():
    r = septet.Reassembler(max_age=10)
    p1 = septet.encode("y" * 200, reference=1).encoded_parts[0]
    r.push(user_data=p1.user_data, dcs=0, udhi=True, udl=p1.udl, now=0, id=1)
    single = septet.decode(b"\xC8\x32\x9B\xFD\x06", dcs=0, udhi=False, udl=5)
    out = r.push(single, now=20, id=2)
    assert out[0]["missing"] == [2] and out[0]["expired"] is True
    assert out[1]["text"] == "Hello" and out[1]["ids"] == [2]


@pytest.mark.parametrize(
    "call, kind",
    [
        (lambda: septet.decode_pdu("0G"), "bad_hex"),
        (lambda: septet.decode_pdu("123"), "bad_hex"),
        (lambda: septet.decode(b"\x05\x00\x03", dcs=0, udhi=True, udl=12), "user_data_too_short"),
        (lambda: septet.decode(b"\x09\x00\x03\x01\x02\x01", dcs=4, udhi=True, udl=6),
         "header_past_end"),
        (lambda: septet.decode(b"\xC8\x32", dcs=0, udhi=False, udl=200), "user_data_length"),
        (lambda: septet.decode_pdu(b"\x00"), None),
    ],
)
def test_bad_input_raises_decode_error_with_kind(call, kind):
    with pytest.raises(septet.DecodeError) as info:
        call()
    assert isinstance(info.value, ValueError) and isinstance(info.value, septet.SeptetError)
    if kind is not None:
        assert info.value.kind == kind
    assert info.value.detail


def test_encode_rejections_and_bad_options():
    with pytest.raises(septet.RejectedError) as info:
        septet.encode("")
    assert info.value.code == 40316
    with pytest.raises(ValueError, match="to"):
        septet.encode("hi", to="not a number")
    with pytest.raises(ValueError, match="smpp_packing"):
        septet.encode("hi", smpp_packing="zipped")
    with pytest.raises(TypeError):
        septet.encode("hi", reference="7")
    with pytest.raises(TypeError):
        septet.decode("C8329BFD06", dcs=0, udhi=False, udl=5)


def test_encoder_options_belong_to_encode():
    with pytest.raises(TypeError, match="septet.analyze"):
        septet.analyze("hi", reference=3)
    with pytest.raises(TypeError, match="reference, to, smpp_packing"):
        septet.encode("hi", refrence=3)
    assert septet.encode("a" * 200, reference=3).reference == 3


def test_national_languages_and_concat(septet_cli):
    # pdu-encoding.md section 7: Turkish single shift, and the 16-bit concatenation IE.
    e = septet.encode("Ğşa", national_languages="turkish:single")
    [p] = e.encoded_parts
    assert (p.udh.hex().upper(), p.udl, p.user_data.hex().upper()) == (
        "03240101", 10, "03240101D81C37F330")
    assert septet.encode("Ğşa", national_languages=["turkish:single"]) == e
    assert septet.analyze("Ğşa", national_languages=("turkish:single",)).encoding == "GSM-7"
    assert septet.analyze("Ğşa").encoding == "UCS-2"
    long = septet.encode("hellohello" * 16 + "!", concat="udh16", reference=0xD0DE)
    assert long.encoded_parts[0].udh.hex().upper() == "060804D0DE0201"
    for text, options in [
        ("Ğşa " * 50, {"national_languages": "turkish:single,hindi", "reference": 3}),
        ("नमस्ते " * 40, {"national_languages": "all", "concat": "udh16", "reference": 300}),
        ("z" * 300, {"concat": "udh16", "reference": 65535}),
    ]:
        flags = cli_flags(options)
        assert septet.encode(text, **options).to_dict() == cli_json(
            septet_cli, ["encode", "--json", *flags, "--", text])
    # SAR: no concatenation IE; the reference and the numbering go in the SMPP TLVs.
    text = "z" * 120 + "€" * 50
    sar = septet.encode(text, concat="sar", reference=300)
    want = cli_json(septet_cli, ["encode", "--json", "--concat", "sar", "--reference", "300",
                                 "--", text])
    assert sar.to_dict() == want and len(want["encoded_parts"]) == 2
    for seq, (part, raw) in enumerate(zip(sar.encoded_parts, want["encoded_parts"]), 1):
        assert (part.udh, part.udhi, part.smpp.esm_class) == (b"", False, 0)
        assert (part.smpp.sar_msg_ref_num, part.smpp.sar_total_segments,
                part.smpp.sar_segment_seqnum) == (300, 2, seq)
        assert part.smpp.sar_msg_ref_num == raw["smpp"]["sar_msg_ref_num"]
        assert part.smpp.sar_segment_seqnum == raw["smpp"]["sar_segment_seqnum"]
    plain = septet.encode(text, reference=3).encoded_parts[0].smpp
    assert (plain.sar_msg_ref_num, plain.sar_total_segments, plain.sar_segment_seqnum) == (
        None, None, None)
    with pytest.raises(TypeError, match="national_languages"):
        septet.analyze("hi", national_languages=3)
    with pytest.raises(ValueError, match="national_languages"):
        septet.analyze("hi", national_languages="klingon")
