//! `sas_core::api::ENTRIES` lists every section of the vendor's API List exactly once, and both
//! front-end parameter sets.

use sas_core::api::ENTRIES;
use sas_core::endpoint::EntryKind;

/// The numbered endpoint and callback sections of the API List (seeds/000, "API List").
const API_LIST_SECTIONS: [&str; 20] = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2",
    "4.1", "4.2", "5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2",
];

#[test]
fn every_api_list_section_appears_exactly_once() {
    for section in API_LIST_SECTIONS {
        let found = ENTRIES.iter().filter(|m| m.section == section).count();
        assert_eq!(found, 1, "section {section} appears {found} times in ENTRIES");
    }
    let numbered = ENTRIES.iter().filter(|m| m.kind != EntryKind::Frontend).count();
    assert_eq!(numbered, API_LIST_SECTIONS.len(), "ENTRIES has sections the API List lacks");
}

#[test]
fn both_front_end_sets_exist() {
    for api in ["wx.requestPayment", "wx.requestVirtualPayment"] {
        let set = ENTRIES.iter().find(|m| m.section == api);
        let set = set.unwrap_or_else(|| panic!("{api} is missing from ENTRIES"));
        assert_eq!(set.kind, EntryKind::Frontend);
        assert!(set.method.is_none() && set.path.is_none());
    }
    assert_eq!(ENTRIES.len(), API_LIST_SECTIONS.len() + 2);
}

#[test]
fn callbacks_and_their_requests_name_each_other() {
    for callback in sas_core::api::callbacks() {
        let origin = callback.callback_of.expect("a callback names its request");
        let request = ENTRIES.iter().find(|m| m.section == origin).expect("request exists");
        assert_eq!(request.triggers, Some(callback.section), "{origin} → {}", callback.section);
    }
}

#[test]
fn path_templates_name_their_path_fields() {
    for endpoint in sas_core::api::endpoints() {
        let path = endpoint.path.expect("an endpoint has a path");
        for field in endpoint.path_params {
            assert!(path.contains(&format!("{{{}}}", field.name)), "{path} lacks {}", field.name);
        }
        let braces = path.matches('{').count();
        assert_eq!(braces, endpoint.path_params.len(), "{path}");
        if endpoint.method == Some(http::Method::GET) {
            assert!(endpoint.body.is_empty(), "GET {path} has a body");
        }
    }
}

#[test]
fn the_kind_views_split_entries_without_loss() {
    let endpoints: Vec<_> = sas_core::api::endpoints().collect();
    let callbacks: Vec<_> = sas_core::api::callbacks().collect();
    let frontend: Vec<_> = sas_core::api::frontend_sets().collect();
    assert!(endpoints.iter().all(|m| m.kind == EntryKind::Endpoint));
    assert!(callbacks.iter().all(|m| m.kind == EntryKind::Callback));
    assert!(frontend.iter().all(|m| m.kind == EntryKind::Frontend));
    assert_eq!((endpoints.len(), callbacks.len(), frontend.len()), (15, 5, 2));
    assert_eq!(endpoints.len() + callbacks.len() + frontend.len(), ENTRIES.len());
}

#[test]
fn every_http_entry_names_its_method_and_no_front_end_set_does() {
    for entry in ENTRIES {
        match entry.kind {
            EntryKind::Frontend => assert_eq!(entry.method, None, "{}", entry.section),
            _ => assert!(
                matches!(&entry.method, Some(m) if *m == http::Method::GET || *m == http::Method::POST),
                "{}",
                entry.section
            ),
        }
    }
}
