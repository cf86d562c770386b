//! The spec as data: what `spec/README.md` describes, after loading and validation.
//!
//! Every element carries the [`Loc`] it was read from, so tools can point back into the TOML.
//! All fields are public and every type is `Clone`, so tools (spec-check's mutation tests) can
//! edit a loaded spec in memory.

use std::fmt;
use std::path::PathBuf;

/// A position in a spec file: 1-based line and column.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    /// The file, as given to [`crate::load`] joined with the path below it
    /// (for example `spec/api/user/check_user.toml`).
    pub file: PathBuf,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.col)
    }
}

/// The whole spec: `sas.toml` and every entry under `api/`.
#[derive(Clone, Debug)]
pub struct Spec {
    /// Service-wide facts.
    pub service: Service,
    /// Groups, in the order `sas.toml` declares them.
    pub groups: Vec<Group>,
    /// Auth schemes, in the order `sas.toml` declares them.
    pub auth: Vec<AuthScheme>,
    /// The response envelope.
    pub envelope: Envelope,
    /// Object types shared by every entry.
    pub types: Vec<ObjectType>,
    /// Notes that belong to the service rather than to one entry.
    pub notes: Vec<Note>,
    /// Every entry, ordered by group (as declared) and then by vendor section.
    pub entries: Vec<Entry>,
    /// Every file read, in the order read (for rebuild tracking).
    pub files: Vec<PathBuf>,
}

impl Spec {
    /// The auth scheme called `name`.
    pub fn auth_scheme(&self, name: &str) -> Option<&AuthScheme> {
        self.auth.iter().find(|scheme| scheme.name == name)
    }

    /// The entry whose vendor section is `section` (`"2.1"`, `"wx.requestPayment"`).
    pub fn entry_by_section(&self, section: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.section == section)
    }

    /// The object type `name` as seen from `entry`: the entry's own first, then the shared ones.
    pub fn resolve_type<'a>(&'a self, entry: &'a Entry, name: &str) -> Option<&'a ObjectType> {
        entry.types.iter().chain(&self.types).find(|ty| ty.name == name)
    }
}

/// `[service]` of `sas.toml`.
#[derive(Clone, Debug)]
pub struct Service {
    /// The service's name.
    pub name: String,
    /// The URL of the vendor's API List.
    pub api_list: String,
}

/// A group of entries: a folder under `api/` and a module of `sas_core::api`.
#[derive(Clone, Debug)]
pub struct Group {
    /// Folder and module name.
    pub name: String,
    /// Module documentation.
    pub doc: String,
    /// Where it is declared.
    pub loc: Loc,
}

/// An auth scheme of `sas.toml`.
#[derive(Clone, Debug)]
pub struct AuthScheme {
    /// The scheme's name (`tc_signature`).
    pub name: String,
    /// What it proves and how.
    pub doc: String,
    /// Header wire names the scheme owns.
    pub headers: Vec<String>,
    /// Body field wire names the scheme owns.
    pub body: Vec<String>,
    /// Query parameter wire names the scheme owns.
    pub query: Vec<String>,
    /// Front-end parameter names the scheme owns.
    pub params: Vec<String>,
    /// Whether entries using it must give a `sign_prefix`.
    pub needs_prefix: bool,
    /// Where it is declared.
    pub loc: Loc,
}

impl AuthScheme {
    /// Whether the scheme owns the name `name` in `part`.
    pub fn owns(&self, part: Part, name: &str) -> bool {
        match part {
            Part::Header => self.headers.iter().any(|h| h.eq_ignore_ascii_case(name)),
            Part::Path => false,
            Part::Query => self.query.iter().any(|q| q == name),
            Part::Body => self.body.iter().any(|b| b == name),
            Part::Param => self.params.iter().any(|p| p == name),
        }
    }
}

/// `[envelope]` of `sas.toml`: `returnCode`, `returnMessage`, `data`, `requestId`.
#[derive(Clone, Debug)]
pub struct Envelope {
    /// The `returnCode` of success.
    pub success_code: String,
    /// The envelope's own fields, as in the vendor response tables.
    pub fields: Vec<Field>,
}

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// An endpoint the superapp backend serves.
    Endpoint,
    /// A POST the superapp sends to a callback URL.
    Callback,
    /// A parameter object for the mini program's JS API.
    Frontend,
}

impl EntryKind {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Endpoint => "endpoint",
            Self::Callback => "callback",
            Self::Frontend => "frontend",
        }
    }
}

/// An HTTP method the spec allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: no body.
    Get,
    /// `POST`.
    Post,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }
}

/// Who serves an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServedBy {
    /// The superapp backend.
    Superapp,
    /// Whoever owns the callback URL (the merchant, through SAS).
    CallbackUrl,
    /// The mini program front end (front-end parameter sets).
    MiniProgram,
}

impl ServedBy {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Superapp => "superapp",
            Self::CallbackUrl => "callback_url",
            Self::MiniProgram => "mini_program",
        }
    }
}

/// Who sends an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Caller {
    /// SAS itself.
    Sas,
    /// A merchant or mini program backend, through SAS.
    Merchant,
    /// The superapp backend.
    Superapp,
    /// The merchant backend produces it for its front end.
    MerchantBackend,
}

impl Caller {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sas => "sas",
            Self::Merchant => "merchant",
            Self::Superapp => "superapp",
            Self::MerchantBackend => "merchant_backend",
        }
    }
}

/// One endpoint, callback or front-end parameter set: a file under `api/<group>/`.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The group (folder) it belongs to.
    pub group: String,
    /// The module name (file stem).
    pub module: String,
    /// What it is.
    pub kind: EntryKind,
    /// The vendor section (`"1.1"`) or API name (`"wx.requestPayment"`): the key `section`.
    pub section: String,
    /// The vendor's section heading, verbatim.
    pub title: String,
    /// One sentence for rustdoc.
    pub summary: String,
    /// The method (endpoints and callbacks).
    pub method: Option<Method>,
    /// The path template (endpoints).
    pub path: Option<String>,
    /// The `section` of the endpoint whose callback URL this callback goes to.
    pub callback_of: Option<String>,
    /// Who serves it.
    pub served_by: ServedBy,
    /// Who sends it.
    pub caller: Caller,
    /// The auth scheme's name.
    pub auth: String,
    /// The literal, or `{field}`, before `&` in an HMAC message.
    pub sign_prefix: Option<String>,
    /// The `section` of the callback this request causes.
    pub triggers: Option<String>,
    /// The vendor page, when not the API List.
    pub vendor_url: Option<String>,
    /// The request (for callbacks: the callback as delivered).
    pub request: Request,
    /// The response `data`.
    pub response: Option<Response>,
    /// Front-end parameters.
    pub params: Vec<Field>,
    /// Object types local to this entry.
    pub types: Vec<ObjectType>,
    /// Known structural disagreements with the vendor texts.
    pub errata: Vec<Erratum>,
    /// Known description-level disagreements with the vendor texts.
    pub notes: Vec<Note>,
    /// The start of the file.
    pub loc: Loc,
    /// Where the value of each top-level key stands, for tools that report about it
    /// (`"method"`, `"path"`…).
    pub key_locs: Vec<(String, Loc)>,
}

impl Entry {
    /// Where the value of the top-level key `key` stands, or the file's start.
    pub fn key_loc(&self, key: &str) -> &Loc {
        self.key_locs.iter().find(|(k, _)| k == key).map_or(&self.loc, |(_, loc)| loc)
    }

    /// The fields of `part`.
    pub fn fields(&self, part: Part) -> &[Field] {
        match part {
            Part::Header => &self.request.headers,
            Part::Path => &self.request.path,
            Part::Query => &self.request.query,
            Part::Body => &self.request.body,
            Part::Param => &self.params,
        }
    }

    /// The fields of `part`, mutably.
    pub fn fields_mut(&mut self, part: Part) -> &mut Vec<Field> {
        match part {
            Part::Header => &mut self.request.headers,
            Part::Path => &mut self.request.path,
            Part::Query => &mut self.request.query,
            Part::Body => &mut self.request.body,
            Part::Param => &mut self.params,
        }
    }
}

/// A part of a message that holds fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// `request.headers`.
    Header,
    /// `request.path`.
    Path,
    /// `request.query`.
    Query,
    /// `request.body`.
    Body,
    /// `params` (front-end sets).
    Param,
}

impl Part {
    /// Every part, in message order.
    pub const ALL: [Part; 5] = [Part::Header, Part::Path, Part::Query, Part::Body, Part::Param];

    /// The spelling in errata `at` paths: `request.headers`, …, `params`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Header => "request.headers",
            Self::Path => "request.path",
            Self::Query => "request.query",
            Self::Body => "request.body",
            Self::Param => "params",
        }
    }
}

/// `[request]` of an entry.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// Headers, in vendor order.
    pub headers: Vec<Field>,
    /// Path parameters.
    pub path: Vec<Field>,
    /// Query parameters.
    pub query: Vec<Field>,
    /// Top-level JSON body fields.
    pub body: Vec<Field>,
    /// Groups of body fields of which at least one must be present.
    pub one_of: Vec<Vec<String>>,
}

/// `[response]` of an entry: the `data` of the envelope.
#[derive(Clone, Debug)]
pub struct Response {
    /// The type of `data`.
    pub data: TypeExpr,
    /// What it means.
    pub doc: String,
    /// Allowed values, when enumerated.
    pub values: Vec<String>,
    /// Whether `Debug` redacts it.
    pub secret: bool,
    /// Where `[response]` stands.
    pub loc: Loc,
}

/// A header, path, query, body or front-end parameter, or a field of an object type.
#[derive(Clone, Debug)]
pub struct Field {
    /// The wire name, verbatim.
    pub name: String,
    /// The type.
    pub ty: TypeExpr,
    /// Whether the vendor marks it required.
    pub required: bool,
    /// What it means.
    pub doc: String,
    /// A Rust name that overrides the derived one.
    pub rust: Option<String>,
    /// Other wire names accepted on input.
    pub aliases: Vec<String>,
    /// Whether the auth scheme computes or checks it.
    pub set_by_auth: bool,
    /// The value `new()` gives it.
    pub default: Option<String>,
    /// Whether `Debug` redacts it.
    pub secret: bool,
    /// Whether the header value travels encrypted under the SecretKey (lowercase hex of
    /// AES-ECB-PKCS#7, the `TC-Signature` cipher); the Rust field holds the plaintext.
    pub encrypted: bool,
    /// A value from the vendor text.
    pub example: Option<String>,
    /// Minimum length in characters.
    pub min_len: Option<u32>,
    /// Maximum length in characters.
    pub max_len: Option<u32>,
    /// Allowed characters.
    pub charset: Option<Charset>,
    /// Allowed values.
    pub values: Vec<String>,
    /// The Rust variant names of `values`, in the same order, when the spec gives them
    /// (`variants = […]`); else they are derived from the values.
    pub variants: Vec<String>,
    /// The string's format.
    pub format: Option<Format>,
    /// The unit of a number or timestamp.
    pub unit: Option<Unit>,
    /// Other wire forms accepted on input.
    pub accept: Vec<TypeExpr>,
    /// The type an encrypted resource decrypts to.
    pub decrypts_to: Option<TypeExpr>,
    /// Where the field's `name` stands.
    pub loc: Loc,
}

impl Field {
    /// Whether the Rust value is a generated enumeration: a string with `values` (and no
    /// `format = "int"`).
    pub fn is_enum(&self) -> bool {
        self.ty == TypeExpr::String && !self.values.is_empty() && self.format != Some(Format::Int)
    }

    /// Whether the Rust value is a `StringOr<T>`: a string or an object, either accepted.
    pub fn string_or_object(&self) -> Option<&str> {
        match (&self.ty, self.accept.as_slice()) {
            (TypeExpr::String, [TypeExpr::Object(Some(name))]) => Some(name),
            (TypeExpr::Object(Some(name)), [TypeExpr::String]) => Some(name),
            _ => None,
        }
    }
}

/// A type expression of the spec's vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeExpr {
    /// `string`.
    String,
    /// `bool`.
    Bool,
    /// `int`.
    Int,
    /// `int64`.
    Int64,
    /// `number`.
    Number,
    /// `object:Name`, or `object` without documented fields (`None`).
    Object(Option<String>),
    /// `list<T>`.
    List(Box<TypeExpr>),
    /// `json<Name>`: a JSON document carried in a string.
    Json(String),
    /// `function`: a JS callback of a front-end set; not generated.
    Function,
}

impl TypeExpr {
    /// The vendor type words this expression matches, lowercase (spec/README.md "Types").
    pub fn vendor_names(&self) -> &'static [&'static str] {
        match self {
            Self::String | Self::Json(_) => &["string"],
            Self::Bool => &["bool", "boolean"],
            Self::Int => &["int"],
            Self::Int64 => &["int64"],
            Self::Number => &["number"],
            Self::Object(_) => &["object"],
            Self::List(_) => &["array", "array[object]"],
            Self::Function => &["function"],
        }
    }

    /// The object type this expression names, looking through lists.
    pub fn object_name(&self) -> Option<&str> {
        match self {
            Self::Object(Some(name)) | Self::Json(name) => Some(name),
            Self::List(inner) => inner.object_name(),
            _ => None,
        }
    }
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::String => f.write_str("string"),
            Self::Bool => f.write_str("bool"),
            Self::Int => f.write_str("int"),
            Self::Int64 => f.write_str("int64"),
            Self::Number => f.write_str("number"),
            Self::Object(None) => f.write_str("object"),
            Self::Object(Some(name)) => write!(f, "object:{name}"),
            Self::List(inner) => write!(f, "list<{inner}>"),
            Self::Json(name) => write!(f, "json<{name}>"),
            Self::Function => f.write_str("function"),
        }
    }
}

/// The `format` of a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// RFC 3339 date-time with an offset.
    Rfc3339,
    /// ISO 4217: three capital letters.
    Currency,
    /// An absolute `http` or `https` URL.
    Url,
    /// A decimal integer carried in a string.
    Int,
}

impl Format {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rfc3339 => "rfc3339",
            Self::Currency => "currency",
            Self::Url => "url",
            Self::Int => "int",
        }
    }
}

/// The `unit` of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Minor currency units.
    Cent,
    /// Unix seconds.
    Second,
    /// Unix milliseconds.
    Millisecond,
}

impl Unit {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cent => "cent",
            Self::Second => "second",
            Self::Millisecond => "millisecond",
        }
    }
}

/// A `charset`: inclusive character ranges.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Charset {
    /// The text as written in the spec.
    pub source: String,
    /// Inclusive ranges; a single character is a range of one.
    pub ranges: Vec<(char, char)>,
}

impl Charset {
    /// Whether `c` is allowed.
    pub fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }
}

/// An object type: `[types.Name]`.
#[derive(Clone, Debug)]
pub struct ObjectType {
    /// The type's name (the Rust struct name).
    pub name: String,
    /// What it is.
    pub doc: String,
    /// Its fields.
    pub fields: Vec<Field>,
    /// Groups of fields of which at least one must be present.
    pub one_of: Vec<Vec<String>>,
    /// Where `[types.Name]` stands.
    pub loc: Loc,
}

/// Which vendor text an erratum or note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// The English API List.
    En,
    /// The Chinese tables.
    Zh,
    /// The front-end JS payment API.
    Fe,
    /// A vendor page outside `spec/vendor/` (notes only).
    Other,
}

impl Source {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh",
            Self::Fe => "fe",
            Self::Other => "other",
        }
    }
}

/// What an erratum says differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErratumKind {
    /// The vendor spells the element differently.
    Name,
    /// The spec has the element; the vendor text does not.
    Absent,
    /// The vendor text has the element; the spec does not.
    Unlisted,
    /// The vendor type differs.
    Type,
    /// The vendor's required flag differs.
    Required,
    /// The method differs.
    Method,
    /// The path differs.
    Path,
    /// The vendor row is broken beyond reading.
    Mangled,
    /// A length limit differs (`min_len`, `max_len`).
    Length,
    /// A character set differs (`charset`).
    Charset,
    /// The allowed, fixed or success values differ (`values`, `[envelope] success_code`).
    Values,
    /// The default differs (`default`).
    Default,
    /// The unit differs (`unit`).
    Unit,
    /// The format differs (`format`, or a `json<…>` type for a JSON document).
    Format,
    /// What comes before `&` in a signature formula differs (`sign_prefix`).
    SignPrefix,
    /// The auth scheme does not own a field the vendor calls a signature, or is not the HMAC a
    /// formula gives (`auth`).
    Auth,
    /// A spelling differs: a vendor spelling the field does not accept, or an alias no vendor
    /// text uses (`aliases`).
    Alias,
    /// The request a callback answers differs (`callback_of`).
    CallbackOf,
}

impl ErratumKind {
    /// Every kind.
    pub const ALL: [ErratumKind; 18] = [
        Self::Name,
        Self::Absent,
        Self::Unlisted,
        Self::Type,
        Self::Required,
        Self::Method,
        Self::Path,
        Self::Mangled,
        Self::Length,
        Self::Charset,
        Self::Values,
        Self::Default,
        Self::Unit,
        Self::Format,
        Self::SignPrefix,
        Self::Auth,
        Self::Alias,
        Self::CallbackOf,
    ];

    /// Whether the kind is about a value rule stated in words (a length, a unit, an alias…)
    /// rather than the structure of the tables.
    pub fn is_value_rule(self) -> bool {
        !matches!(
            self,
            Self::Name
                | Self::Absent
                | Self::Unlisted
                | Self::Type
                | Self::Required
                | Self::Method
                | Self::Path
                | Self::Mangled
        )
    }

    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Absent => "absent",
            Self::Unlisted => "unlisted",
            Self::Type => "type",
            Self::Required => "required",
            Self::Method => "method",
            Self::Path => "path",
            Self::Mangled => "mangled",
            Self::Length => "length",
            Self::Charset => "charset",
            Self::Values => "values",
            Self::Default => "default",
            Self::Unit => "unit",
            Self::Format => "format",
            Self::SignPrefix => "sign_prefix",
            Self::Auth => "auth",
            Self::Alias => "alias",
            Self::CallbackOf => "callback_of",
        }
    }
}

/// `[[errata]]`: a known structural disagreement between a vendor text and the spec.
#[derive(Clone, Debug)]
pub struct Erratum {
    /// The row of PROTOCOL.md §6, or 0.
    pub id: u32,
    /// Which vendor text.
    pub source: Source,
    /// Where in the entry (`request.body.DateTime`).
    pub at: String,
    /// What differs.
    pub kind: ErratumKind,
    /// What the vendor text says.
    pub vendor: String,
    /// What the spec says instead.
    pub chosen: String,
    /// Why.
    pub why: String,
    /// Where the erratum stands.
    pub loc: Loc,
}

/// `[[notes]]`: a known disagreement in a vendor description.
#[derive(Clone, Debug)]
pub struct Note {
    /// The row of PROTOCOL.md §6, or 0.
    pub id: u32,
    /// Which vendor text.
    pub source: Source,
    /// Where (as for errata; in `sas.toml` also `auth.<scheme>`).
    pub at: String,
    /// Text that vendor cell contains.
    pub vendor: String,
    /// What the spec takes it to mean.
    pub reading: String,
    /// Why.
    pub why: String,
    /// Where the note stands.
    pub loc: Loc,
}
