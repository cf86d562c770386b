//! Which entry a method and path name: templates from `METADATA`, `{param}` segments, an
//! optional base path; 404 when no path matches, 405 with `Allow` when only the method differs.

/// Whether `path` matches `template` segment by segment, a `{param}` matching one non-empty
/// segment.
pub(crate) fn matches(template: &str, path: &str) -> bool {
    // The segments before the first that opens with `{` are compared as one string: a
    // template without such a segment is the path itself, and one with it must start alike.
    // A `{` is found with memchr; only a template with one not after a `/` (none in the
    // spec) needs the substring search.
    let slash = match template.find('{') {
        None => return template == path,
        Some(brace) if brace > 0 && template.as_bytes().get(brace - 1) == Some(&b'/') => brace - 1,
        Some(_) => match template.find("/{") {
            Some(slash) => slash,
            None => return template == path,
        },
    };
    let Some(rest) = path.strip_prefix(&template[..=slash]) else {
        return false;
    };
    let mut want = template[slash + 1..].split('/');
    let mut have = rest.split('/');
    loop {
        match (want.next(), have.next()) {
            (None, None) => return true,
            (Some(w), Some(h)) if w.starts_with('{') && w.ends_with('}') => {
                if h.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(h)) if w == h => {}
            _ => return false,
        }
    }
}

/// What routing found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Routed {
    /// The route at this index.
    Found(usize),
    /// The path exists with these methods only.
    WrongMethod(Vec<&'static str>),
    /// No such path.
    NotFound,
}

/// Finds the route for `method` and `path` among `(method, template)` pairs, after stripping
/// `prefix` (a path outside the prefix is not found).
pub(crate) fn route<'a>(
    routes: impl Iterator<Item = (&'static str, &'a str)>,
    prefix: &str,
    method: &str,
    path: &str,
) -> Routed {
    let Some(path) = path.strip_prefix(prefix) else {
        return Routed::NotFound;
    };
    let mut allowed = Vec::new();
    for (index, (route_method, template)) in routes.enumerate() {
        if matches(template, path) {
            if route_method == method {
                return Routed::Found(index);
            }
            allowed.push(route_method);
        }
    }
    if allowed.is_empty() { Routed::NotFound } else { Routed::WrongMethod(allowed) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROUTES: &[(&str, &str)] = &[
        ("POST", "/user/checkUser"),
        ("GET", "/v3/pay/transactions/out-trade-no/{out_trade_no}"),
        ("POST", "/v3/pay/transactions/out-trade-no/{out_trade_no}/close"),
    ];

    fn find(prefix: &str, method: &str, path: &str) -> Routed {
        route(ROUTES.iter().copied(), prefix, method, path)
    }

    #[test]
    fn paths_with_parameters_route_by_method() {
        assert_eq!(find("", "POST", "/user/checkUser"), Routed::Found(0));
        assert_eq!(find("", "GET", "/v3/pay/transactions/out-trade-no/A%7C1"), Routed::Found(1));
        assert_eq!(
            find("", "POST", "/v3/pay/transactions/out-trade-no/A1/close"),
            Routed::Found(2)
        );
    }

    #[test]
    fn an_unknown_path_is_404_and_a_wrong_method_405_with_the_allowed_ones() {
        assert_eq!(find("", "POST", "/user/nope"), Routed::NotFound);
        assert_eq!(find("", "GET", "/v3/pay/transactions/out-trade-no//close"), Routed::NotFound);
        assert_eq!(find("", "GET", "/user/checkUser"), Routed::WrongMethod(vec!["POST"]));
        assert_eq!(
            find("", "DELETE", "/v3/pay/transactions/out-trade-no/A1"),
            Routed::WrongMethod(vec!["GET"])
        );
    }

    #[test]
    fn a_base_path_is_stripped_and_required() {
        assert_eq!(find("/sas", "POST", "/sas/user/checkUser"), Routed::Found(0));
        assert_eq!(find("/sas", "POST", "/user/checkUser"), Routed::NotFound);
    }
}
