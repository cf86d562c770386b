//! `sas_core::api::ENDPOINTS` lists every section of the vendor's API List exactly once, and both
//! front-end parameter sets.

use sas_core::api::ENDPOINTS;
use sas_core::endpoint::EntryKind;

/// The numbered endpoint and callback sections of the API List (seeds/000, "API List").
const API_LIST_SECTIONS: [&str; 20] = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2",
    "4.1", "4.2", "5.1.1", "5.1.2", "5.1.3", "5.2.1", "5.2.2",
];

#[test]
fn every_api_list_section_appears_exactly_once() {
    for section in API_LIST_SECTIONS {
        let found = ENDPOINTS.iter().filter(|m| m.doc_section == section).count();
        assert_eq!(found, 1, "section {section} appears {found} times in ENDPOINTS");
    }
    let numbered = ENDPOINTS.iter().filter(|m| m.kind != EntryKind::Frontend).count();
    assert_eq!(numbered, API_LIST_SECTIONS.len(), "ENDPOINTS has sections the API List lacks");
}

#[test]
fn both_front_end_sets_exist() {
    for api in ["wx.requestPayment", "wx.requestVirtualPayment"] {
        let set = ENDPOINTS.iter().find(|m| m.doc_section == api);
        let set = set.unwrap_or_else(|| panic!("{api} is missing from ENDPOINTS"));
        assert_eq!(set.kind, EntryKind::Frontend);
        assert!(set.method.is_none() && set.path.is_none());
    }
    assert_eq!(ENDPOINTS.len(), API_LIST_SECTIONS.len() + 2);
}

#[test]
fn callbacks_and_their_requests_name_each_other() {
    for callback in ENDPOINTS.iter().filter(|m| m.kind == EntryKind::Callback) {
        let origin = callback.callback_of.expect("a callback names its request");
        let request = ENDPOINTS.iter().find(|m| m.doc_section == origin).expect("request exists");
        assert_eq!(
            request.triggers,
            Some(callback.doc_section),
            "{origin} → {}",
            callback.doc_section
        );
    }
}

#[test]
fn path_templates_name_their_path_fields() {
    for endpoint in ENDPOINTS.iter().filter(|m| m.kind == EntryKind::Endpoint) {
        let path = endpoint.path.expect("an endpoint has a path");
        for field in endpoint.path_params {
            assert!(path.contains(&format!("{{{}}}", field.name)), "{path} lacks {}", field.name);
        }
        let braces = path.matches('{').count();
        assert_eq!(braces, endpoint.path_params.len(), "{path}");
        if endpoint.method == Some("GET") {
            assert!(endpoint.body.is_empty(), "GET {path} has a body");
        }
    }
}
