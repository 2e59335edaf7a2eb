"""Column store of one side (profiles or jobs): growable arrays, O(1) upsert and remove.

Removed slots are recycled; `alive` masks them out of every query. The sparse columns are
fixed-width, so their CSR view is rebuilt without copying the data.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import sparse

from matching.esco import esco_model
from matching.vectorize import ISCO_K, OCC_K, SKILL_DIM, SKILL_K, TITLE_K, Row

F32 = npt.NDArray[np.float32]

_SPARSE = {"title_occ": TITLE_K, "occ": OCC_K, "isco": ISCO_K, "skills": SKILL_K}
FLOAT_COLUMNS = ("hours_min", "hours_max", "lat", "lon", "max_km")
INT_COLUMNS = (
    "remote",
    "acc_need",
    "acc_must",
    "acc_offer",
    "acc_known",
    "sched",
    "sched_known",
    "taxonomy_sure",
)


def sparse_dims() -> dict[str, int]:
    m = esco_model()
    return {"title_occ": m.n_occ, "occ": m.n_occ, "isco": len(m.isco_codes), "skills": SKILL_DIM}


class SideStore:
    # Columns are created in _alloc from the name lists above; declared here for type checkers.
    emb: F32
    alive: npt.NDArray[np.bool_]
    title_occ_idx: npt.NDArray[np.int32]
    title_occ_val: F32
    occ_idx: npt.NDArray[np.int32]
    occ_val: F32
    isco_idx: npt.NDArray[np.int32]
    isco_val: F32
    skills_idx: npt.NDArray[np.int32]
    skills_val: F32
    hours_min: F32
    hours_max: F32
    lat: F32
    lon: F32
    max_km: F32
    remote: npt.NDArray[np.int32]
    acc_need: npt.NDArray[np.int32]
    acc_must: npt.NDArray[np.int32]
    acc_offer: npt.NDArray[np.int32]
    acc_known: npt.NDArray[np.int32]
    sched: npt.NDArray[np.int32]
    sched_known: npt.NDArray[np.int32]
    taxonomy_sure: npt.NDArray[np.int32]

    def __init__(self, dim: int, capacity: int = 1024) -> None:
        self.dim = dim
        self.ids: list[str | None] = []
        self.slot: dict[str, int] = {}
        self._free: list[int] = []
        self._dims = sparse_dims()
        self._alloc(capacity)
        self._csr: dict[str, sparse.csr_matrix] = {}

    def _alloc(self, cap: int) -> None:
        old = getattr(self, "emb", None)
        n = 0 if old is None else len(old)

        def grow(
            arr: np.ndarray | None, shape: tuple[int, ...], dtype: type, fill: float
        ) -> np.ndarray:
            new: np.ndarray = np.full(shape, fill, dtype=dtype)
            if arr is not None:
                new[:n] = arr
            return new

        self.emb = grow(old, (cap, self.dim), np.float32, 0.0)
        self.alive = grow(getattr(self, "alive", None), (cap,), np.bool_, False)
        for name, k in _SPARSE.items():
            setattr(
                self, f"{name}_idx", grow(getattr(self, f"{name}_idx", None), (cap, k), np.int32, 0)
            )
            setattr(
                self,
                f"{name}_val",
                grow(getattr(self, f"{name}_val", None), (cap, k), np.float32, 0),
            )
        for name in FLOAT_COLUMNS:
            setattr(self, name, grow(getattr(self, name, None), (cap,), np.float32, np.nan))
        for name in INT_COLUMNS:
            setattr(self, name, grow(getattr(self, name, None), (cap,), np.int32, 0))
        self.capacity = cap

    def __len__(self) -> int:
        return len(self.slot)

    @property
    def size(self) -> int:
        """Number of slots in use, including dead ones (arrays are valid up to here)."""
        return len(self.ids)

    def reserve(self, n: int) -> None:
        """Grow to exactly `n` slots ahead of a bulk load (doubling would waste up to half the
        memory at 100k records)."""
        if n > self.capacity:
            self._alloc(n)

    def upsert(self, rid: str, row: Row, emb: np.ndarray) -> int:
        i = self.slot.get(rid)
        if i is None:
            if self._free:
                i = self._free.pop()
                self.ids[i] = rid
            else:
                i = len(self.ids)
                if i >= self.capacity:
                    self._alloc(max(1024, int(self.capacity * 1.25)))
                self.ids.append(rid)
            self.slot[rid] = i
        self.emb[i] = emb
        for name in _SPARSE:
            sp = getattr(row, name)
            getattr(self, f"{name}_idx")[i] = sp.idx
            getattr(self, f"{name}_val")[i] = sp.val
        for name in FLOAT_COLUMNS + INT_COLUMNS:
            getattr(self, name)[i] = getattr(row, name)
        self.alive[i] = True
        self._csr.clear()
        return i

    def remove(self, rid: str) -> bool:
        i = self.slot.pop(rid, None)
        if i is None:
            return False
        self.alive[i] = False
        self.ids[i] = None
        for name in _SPARSE:
            getattr(self, f"{name}_val")[i] = 0.0
        self._free.append(i)
        self._csr.clear()
        return True

    def csr(self, name: str) -> sparse.csr_matrix:
        """(size × dim) CSR over the fixed-width columns; padding entries carry value 0."""
        if name not in self._csr:
            n, k = self.size, _SPARSE[name]
            idx = getattr(self, f"{name}_idx")[:n].ravel()
            val = getattr(self, f"{name}_val")[:n].ravel()
            indptr = np.arange(0, n * k + 1, k, dtype=np.int64)
            m = sparse.csr_matrix((n, self._dims[name]), dtype=np.float32)
            # Assign the raw arrays directly: no sorting / duplicate checks needed (or wanted).
            m.data, m.indices, m.indptr = val, idx, indptr
            self._csr[name] = m
        return self._csr[name]

    def dense_columns(self, name: str, rows: npt.NDArray[np.int64]) -> F32:
        """Selected rows of a sparse column as a dense, C-contiguous (dim × len(rows)) matrix —
        the layout scipy's CSR @ dense wants without a hidden copy."""
        out = np.zeros((self._dims[name], len(rows)), dtype=np.float32)
        idx = getattr(self, f"{name}_idx")[rows]
        val = getattr(self, f"{name}_val")[rows]
        np.add.at(out, (idx, np.arange(len(rows))[:, None]), val)
        return out
