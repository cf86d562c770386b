//! Pairs vendor rows with spec fields: first as errata of kind `name` and `mangled` say (a
//! vendor spelling, or a broken row, that stands for a spec field), then by equal names (header
//! names compared case-insensitively).

use sas_spec::{Erratum, ErratumKind};

use super::vendor::tree::Field;
use super::view::SpecField;

/// The pairing of one list of vendor fields with one list of spec fields.
#[derive(Debug, Default)]
pub(crate) struct Alignment {
    /// `(vendor index, spec index)` pairs.
    pub(crate) pairs: Vec<(usize, usize)>,
    /// Vendor fields with no spec field.
    pub(crate) vendor_only: Vec<usize>,
    /// Spec fields with no vendor field.
    pub(crate) spec_only: Vec<usize>,
}

/// Pairs `vendor` with `spec`. `errata` are the entry's errata about this vendor text; `used`
/// (one flag per erratum) is set for each erratum that made a pair.
pub(crate) fn align(
    vendor: &[Field],
    spec: &[SpecField<'_>],
    errata: &[&Erratum],
    used: &mut [bool],
    headers: bool,
) -> Alignment {
    let same = |a: &str, b: &str| if headers { a.eq_ignore_ascii_case(b) } else { a == b };
    let mut vendor_taken = vec![false; vendor.len()];
    let mut spec_taken = vec![false; spec.len()];
    let mut pairs = Vec::new();

    for (si, field) in spec.iter().enumerate() {
        for (ei, erratum) in errata.iter().enumerate() {
            if erratum.at != field.at {
                continue;
            }
            let stands_for = |v: &Field| match erratum.kind {
                ErratumKind::Name => {
                    !v.mangled && same(&v.name, &erratum.vendor) && !same(&v.name, field.name)
                }
                ErratumKind::Mangled => v.mangled && v.name == erratum.vendor,
                _ => false,
            };
            let found = (0..vendor.len()).find(|&vi| !vendor_taken[vi] && stands_for(&vendor[vi]));
            if let Some(vi) = found {
                vendor_taken[vi] = true;
                spec_taken[si] = true;
                used[ei] = true;
                pairs.push((vi, si));
                break;
            }
        }
    }

    for (vi, v) in vendor.iter().enumerate() {
        if vendor_taken[vi] || v.mangled {
            continue;
        }
        if let Some(si) =
            (0..spec.len()).find(|&si| !spec_taken[si] && same(&v.name, spec[si].name))
        {
            vendor_taken[vi] = true;
            spec_taken[si] = true;
            pairs.push((vi, si));
        }
    }

    pairs.sort_unstable();
    Alignment {
        pairs,
        vendor_only: (0..vendor.len()).filter(|&vi| !vendor_taken[vi]).collect(),
        spec_only: (0..spec.len()).filter(|&si| !spec_taken[si]).collect(),
    }
}
