import re

from server.security.enrollment_codes import CODE_ALPHABET, hash_code, new_code, normalise_code


def test_codes_look_like_k7m2_q9tx_and_avoid_look_alikes():
    codes = {new_code() for _ in range(200)}

    assert all(re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code) for code in codes)
    assert not set("".join(codes)) & set("01OI")
    assert len(codes) == 200


def test_the_alphabet_has_32_unambiguous_symbols():
    assert len(set(CODE_ALPHABET)) == 32
    assert not set(CODE_ALPHABET) & set("01OI")


def test_dashes_spaces_and_case_do_not_matter():
    assert normalise_code(" k7m2 - q9tx ") == "K7M2Q9TX"
    assert hash_code("k7m2 q9tx") == hash_code("K7M2-Q9TX")
