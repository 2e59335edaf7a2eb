"""Only changed texts are encoded again; the disk cache survives a restart."""

import numpy as np

from matching.encoders import CachedEncoder, EmbeddingCache, get_encoder
from matching.index import MatchIndex
from matching.records import ProfileRecord


def test_only_changed_texts_reencoded(tmp_path, encoder):
    enc = CachedEncoder(encoder.encoder, EmbeddingCache(encoder.model_id, tmp_path))
    index = MatchIndex(enc)
    people = [
        ProfileRecord.from_json({"id": f"p{i}", "about": f"Jeg er tømrer nr. {i}"})
        for i in range(3)
    ]
    index.upsert_profiles(people)
    assert enc.encoded == 3
    index.upsert_profiles(people)
    assert enc.encoded == 3
    index.upsert_profiles(
        [ProfileRecord.from_json({"id": "p1", "about": "Nu er jeg maler"}), people[0]]
    )
    assert enc.encoded == 4

    # a fresh process: everything comes from disk, nothing is encoded, vectors are equal
    enc2 = get_encoder("e5", str(tmp_path))
    before = enc.encode_queries(["Nu er jeg maler"])
    after = enc2.encode_queries(["Nu er jeg maler"])
    assert enc2.encoded == 0 and len(enc2.cache) == 4
    assert np.allclose(before, after, atol=2e-3)
    # query and passage embeddings are different cache entries (e5 prefixes)
    enc2.encode_passages(["Nu er jeg maler"])
    assert enc2.encoded == 1


def test_vectors_are_normalised(encoder):
    v = encoder.encode_queries(["", "😀", "regnskab " * 3000])
    assert v.shape == (3, encoder.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)


def test_keys_ending_in_zero_bytes_survive_disk(tmp_path):
    # sha256 digests end in 0x00 once in 256 texts; they must still hit the cache after reload
    c = EmbeddingCache("m", tmp_path)
    keys = [bytes([i]) * 31 + b"\0" for i in range(1, 6)]
    for k in keys:
        c.put(k, np.ones(4))
    c.flush()
    again = EmbeddingCache("m", tmp_path)
    assert len(again) == 5 and all(again.get(k) is not None for k in keys)
