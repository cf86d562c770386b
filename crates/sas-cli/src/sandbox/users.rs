//! The sandbox's users: built-in demo profiles for the keys file's users, or a fixture file
//! (a JSON array of profiles), and the masks 1.2 shows (`138****8000`, `ad****ce@example.com`).

use std::path::Path;

use anyhow::Context;

use super::model::UserProfile;
use crate::keyfile::User;

/// The built-in profiles, given to the keys file's users in order (the IDs and OpenIDs are the
/// keys file's).
const DEMO: [(&str, &str, &str, &str); 3] = [
    ("Ada", "ada.lovelace@example.com", "13800138000", "ada"),
    ("Grace", "grace.hopper@example.com", "13900139000", "grace"),
    ("Linus", "linus@example.com", "13700137000", "linus"),
];

/// The built-in profiles of `users`.
pub fn demo_profiles(users: &[User]) -> Vec<UserProfile> {
    users
        .iter()
        .zip(DEMO.iter().cycle())
        .map(|(user, (nickname, email, phone, avatar))| UserProfile {
            user_id: user.user_id.clone(),
            open_id: user.open_id.clone(),
            nickname: (*nickname).to_owned(),
            avatar: format!("https://avatars.sandbox.example/{avatar}.png"),
            email: (*email).to_owned(),
            phone: (*phone).to_owned(),
        })
        .collect()
}

/// Reads a fixture file: a JSON array of profiles (`user_id`, `open_id`, `nickname`,
/// `avatar`, `email`, `phone`).
///
/// # Errors
///
/// When the file cannot be read, is not such an array, or is empty.
pub fn load_profiles(path: &Path) -> anyhow::Result<Vec<UserProfile>> {
    let text = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let users: Vec<UserProfile> = crate::tools::read_json(&text)
        .with_context(|| format!("{}: not a JSON array of user profiles", path.display()))?;
    anyhow::ensure!(!users.is_empty(), "{}: no users", path.display());
    Ok(users)
}

/// A phone number as 1.2 shows it: the first three and last four digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 8 {
        return "****".to_owned();
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

/// An e-mail address as 1.2 shows it: two characters at each end of the local part.
pub fn mask_email(email: &str) -> String {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return "****".to_owned();
    };
    let chars: Vec<char> = local.chars().collect();
    if chars.len() < 5 {
        return format!("****@{domain}");
    }
    let head: String = chars[..2].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}****{tail}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_the_ends_only() {
        assert_eq!(mask_phone("15800002850"), "158****2850");
        assert_eq!(mask_email("muyang@tencent.com"), "mu****ng@tencent.com");
        assert_eq!(mask_email("ab@x.com"), "****@x.com");
        assert_eq!(mask_phone("123"), "****");
    }
}
