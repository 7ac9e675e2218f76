// A stand-in for the Apps Script services confdata.gs calls: the Conference Data service,
// UrlFetchApp, ScriptApp.getIdentityToken() and console. Written from Google's reference pages,
// cited at each class; it checks what those pages say Apps Script checks and throws where they
// say it throws, nothing more. Where a page is silent the mock lets the call through and says
// so. Test-only: `MockAppsScript` programs the backend and the identity token, and records the
// fetches and the log.
//
// Limits count UTF-16 code units (JavaScript's `length`), as the Calendar API does.
"use strict";

(function (global) {
  const REFERENCE = "https://developers.google.com/apps-script/reference/";

  function fail(message) {
    throw new Error(message);
  }

  function describe(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    return typeof value;
  }

  // Every method's parameters are typed on its page; a value of another type is refused, as
  // Apps Script refuses arguments that don't match a method's signature.
  function checkString(method, value) {
    if (typeof value !== "string") {
      fail("The parameters (" + describe(value) + ") don't match the method signature for " +
          method + ".");
    }
  }

  function checkLength(method, value, limit, what) {
    checkString(method, value);
    if (value.length > limit) fail(method + ": the " + what + " is too long (over " + limit + ")");
  }

  // Enums [conference-data/entry-point-type, entry-point-feature, conference-error-type]:
  // "To call an enum, you call its parent class, name, and property", e.g.
  // ConferenceDataService.EntryPointType.VIDEO. Their values are objects, not strings.
  class EnumValue {
    constructor(enumName, name) {
      this.enumName_ = enumName;
      this.name_ = name;
      Object.freeze(this);
    }
    toString() {
      return this.name_;
    }
  }

  function makeEnum(enumName, names) {
    const values = {};
    names.forEach(function (name) {
      values[name] = new EnumValue(enumName, name);
    });
    return Object.freeze(values);
  }

  function checkEnum(method, value, values, enumName) {
    const ok = value instanceof EnumValue && value.enumName_ === enumName &&
        Object.prototype.hasOwnProperty.call(values, value.name_) && values[value.name_] === value;
    if (!ok) {
      fail("The parameters (" + describe(value) + ") don't match the method signature for " +
          method + " (expected " + enumName + ").");
    }
  }

  // REFERENCE + "conference-data/entry-point-type": VIDEO, PHONE, MORE, SIP.
  const EntryPointType = makeEnum("EntryPointType", ["VIDEO", "PHONE", "MORE", "SIP"]);
  // REFERENCE + "conference-data/entry-point-feature": UNKNOWN_FEATURE ("Do not use"), TOLL,
  // TOLL_FREE; both "Applies to PHONE entry point only" and "A number can't be toll and
  // toll-free at the same time".
  const EntryPointFeature = makeEnum("EntryPointFeature", ["UNKNOWN_FEATURE", "TOLL", "TOLL_FREE"]);
  // REFERENCE + "conference-data/conference-error-type".
  const ConferenceErrorType = makeEnum("ConferenceErrorType", [
    "AUTHENTICATION", "CONFERENCE_SOLUTION_FORBIDDEN", "PERMANENT", "PERMISSION_DENIED",
    "TEMPORARY", "UNKNOWN",
  ]);

  // REFERENCE + "conference-data/entry-point": the URI prefix each type requires ("For PHONE
  // entry points, the prefix tel: is required. For SIP entry points, the prefix sip: is
  // required. For VIDEO and MORE entry points, the prefixes http: or https: are required").
  // Compared without regard to case: URI schemes are case-insensitive (RFC 3986, 3.1).
  const URI_PREFIXES = {VIDEO: ["http:", "https:"], MORE: ["http:", "https:"], PHONE: ["tel:"],
    SIP: ["sip:"]};
  const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

  // REFERENCE + "conference-data/entry-point". Each string setter: "Maximum length 128
  // characters" and throws "if the provided ... is too long"; setUri: at most 1300 characters,
  // throws "if the provided URI is malformed or too long"; addFeature throws "if the feature is
  // not applicable to this entry point". setEntryPointType and setRegionCode document no throw.
  // There is no label setter.
  class EntryPoint {
    constructor() {
      this.type_ = null;
      this.uri_ = null;
      this.texts_ = {};
      this.features_ = [];
    }
    setEntryPointType(entryPointType) {
      checkEnum("EntryPoint.setEntryPointType", entryPointType, EntryPointType, "EntryPointType");
      this.type_ = entryPointType;
      return this;
    }
    setUri(uri) {
      checkLength("EntryPoint.setUri", uri, 1300, "URI");
      if (!SCHEME.test(uri)) fail("EntryPoint.setUri: the URI is malformed (no scheme)");
      this.uri_ = uri;
      return this;
    }
    setPin(pin) {
      return this.text_("pin", "setPin", pin, 128);
    }
    setAccessCode(accessCode) {
      return this.text_("accessCode", "setAccessCode", accessCode, 128);
    }
    setMeetingCode(meetingCode) {
      return this.text_("meetingCode", "setMeetingCode", meetingCode, 128);
    }
    setPasscode(passcode) {
      return this.text_("passcode", "setPasscode", passcode, 128);
    }
    setPassword(password) {
      return this.text_("password", "setPassword", password, 128);
    }
    setRegionCode(regionCode) {
      checkString("EntryPoint.setRegionCode", regionCode);
      this.texts_.regionCode = regionCode;
      return this;
    }
    addFeature(feature) {
      checkEnum("EntryPoint.addFeature", feature, EntryPointFeature, "EntryPointFeature");
      if (this.type_ !== null && this.type_ !== EntryPointType.PHONE) {
        fail("EntryPoint.addFeature: " + feature + " applies to PHONE entry points only");
      }
      if (this.opposite_(feature)) {
        fail("EntryPoint.addFeature: a number can't be toll and toll-free at the same time");
      }
      this.features_.push(feature);
      return this;
    }
    text_(member, setter, value, limit) {
      checkLength("EntryPoint." + setter, value, limit, member);
      this.texts_[member] = value;
      return this;
    }
    opposite_(feature) {
      const other = feature === EntryPointFeature.TOLL ? EntryPointFeature.TOLL_FREE :
          feature === EntryPointFeature.TOLL_FREE ? EntryPointFeature.TOLL : null;
      return other !== null && this.features_.indexOf(other) >= 0;
    }
    // Why ConferenceDataBuilder.addEntryPoint would refuse this entry point, or null. The type
    // and URI are "Required" (the setters' pages); the prefix and the features depend on the
    // type, which may be set after them, so they are checked here too.
    problem_() {
      if (this.type_ === null) return "the entry point type is required";
      if (this.uri_ === null) return "the URI is required";
      const scheme = this.uri_.slice(0, this.uri_.indexOf(":") + 1).toLowerCase();
      if (URI_PREFIXES[this.type_.name_].indexOf(scheme) < 0) {
        return "a " + this.type_ + " entry point's URI must start with " +
            URI_PREFIXES[this.type_.name_].join(" or ");
      }
      if (this.features_.length && this.type_ !== EntryPointType.PHONE) {
        return "features apply to PHONE entry points only";
      }
      return null;
    }
    snapshot_() {
      const copy = {type: this.type_.name_, uri: this.uri_};
      Object.keys(this.texts_).forEach(function (member) {
        copy[member] = this.texts_[member];
      }, this);
      if (this.features_.length) copy.features = this.features_.map(String);
      return copy;
    }
  }

  // REFERENCE + "conference-data/conference-parameter": setKey ("The maximum length for this
  // field is 50 characters. Required."), setValue (1024 characters, "Required"); each throws
  // when the value is too long.
  class ConferenceParameter {
    constructor() {
      this.key_ = null;
      this.value_ = null;
    }
    setKey(key) {
      checkLength("ConferenceParameter.setKey", key, 50, "key");
      this.key_ = key;
      return this;
    }
    setValue(value) {
      checkLength("ConferenceParameter.setValue", value, 1024, "value");
      this.value_ = value;
      return this;
    }
  }

  // REFERENCE + "conference-data/conference-error": setAuthenticationUrl ("The maximum length
  // for this field is 1800 characters"; throws "if the provided URL is not a valid http/https
  // URL or is too long"); "If the error type is AUTHENTICATION, the add-on must provide a URL".
  class ConferenceError {
    constructor() {
      this.type_ = null;
      this.authenticationUrl_ = null;
    }
    setConferenceErrorType(conferenceErrorType) {
      checkEnum("ConferenceError.setConferenceErrorType", conferenceErrorType,
          ConferenceErrorType, "ConferenceErrorType");
      this.type_ = conferenceErrorType;
      return this;
    }
    setAuthenticationUrl(authenticationUrl) {
      checkLength("ConferenceError.setAuthenticationUrl", authenticationUrl, 1800, "URL");
      if (!/^https?:\/\/[^\/?#\s]+/i.test(authenticationUrl)) {
        fail("ConferenceError.setAuthenticationUrl: not a valid http/https URL");
      }
      this.authenticationUrl_ = authenticationUrl;
      return this;
    }
  }

  // REFERENCE + "conference-data/conference-data": printJson() "Prints the JSON
  // representation of this object. This is for debugging only." Google does not document that
  // JSON's shape; the mock prints the add-on form (what the add-on's answer is sent to Calendar
  // as), which is how the tests read what the built object carries.
  class ConferenceData {
    constructor(carried) {
      this.carried_ = carried;
      Object.freeze(this);
    }
    printJson() {
      return JSON.stringify(this.carried_);
    }
  }

  // REFERENCE + "conference-data/conference-data-builder": at most 300 parameters and 300
  // entry points, each add throwing "if the provided ... is invalid or if too many ... were
  // added"; setConferenceId and setConferenceSolutionId at most 512 characters, setNotes at
  // most 2048 (each throws when too long); setError throws "if the provided error is
  // invalid"; build() "Builds and validates" and throws "if the constructed conference data is
  // invalid". What makes it invalid: without an error, the conference ID and at least one
  // entry point are required (workspace/add-ons/calendar/conferencing/overview, "Conference
  // data"), and a conference has zero or one VIDEO, SIP and MORE entry point each and is "not
  // valid" with only a MORE one (conference-data/entry-point-type). The solution ID "is
  // required for GSuite add-ons whereas it's ignored for Conferencing add-ons": not checked.
  class ConferenceDataBuilder {
    constructor() {
      this.conferenceId_ = null;
      this.solutionId_ = null;
      this.notes_ = null;
      this.entryPoints_ = [];
      this.parameters_ = [];
      this.error_ = null;
    }
    setConferenceId(conferenceId) {
      checkLength("ConferenceDataBuilder.setConferenceId", conferenceId, 512, "conference ID");
      this.conferenceId_ = conferenceId;
      return this;
    }
    setConferenceSolutionId(conferenceSolutionId) {
      checkLength("ConferenceDataBuilder.setConferenceSolutionId", conferenceSolutionId, 512,
          "conference solution ID");
      this.solutionId_ = conferenceSolutionId;
      return this;
    }
    setNotes(notes) {
      checkLength("ConferenceDataBuilder.setNotes", notes, 2048, "notes");
      this.notes_ = notes;
      return this;
    }
    addEntryPoint(entryPoint) {
      if (!(entryPoint instanceof EntryPoint)) {
        fail("The parameters (" + describe(entryPoint) + ") don't match the method signature " +
            "for ConferenceDataBuilder.addEntryPoint.");
      }
      const problem = entryPoint.problem_();
      if (problem !== null) fail("ConferenceDataBuilder.addEntryPoint: invalid entry point: " + problem);
      if (this.entryPoints_.length >= 300) {
        fail("ConferenceDataBuilder.addEntryPoint: too many entry points (at most 300)");
      }
      this.entryPoints_.push(entryPoint.snapshot_());
      return this;
    }
    addConferenceParameter(conferenceParameter) {
      if (!(conferenceParameter instanceof ConferenceParameter)) {
        fail("The parameters (" + describe(conferenceParameter) + ") don't match the method " +
            "signature for ConferenceDataBuilder.addConferenceParameter.");
      }
      if (conferenceParameter.key_ === null || conferenceParameter.value_ === null) {
        fail("ConferenceDataBuilder.addConferenceParameter: invalid parameter: " +
            "the key and the value are required");
      }
      if (this.parameters_.length >= 300) {
        fail("ConferenceDataBuilder.addConferenceParameter: too many parameters (at most 300)");
      }
      this.parameters_.push({key: conferenceParameter.key_, value: conferenceParameter.value_});
      return this;
    }
    setError(conferenceError) {
      if (!(conferenceError instanceof ConferenceError)) {
        fail("The parameters (" + describe(conferenceError) + ") don't match the method " +
            "signature for ConferenceDataBuilder.setError.");
      }
      if (conferenceError.type_ === null) {
        fail("ConferenceDataBuilder.setError: invalid error: the error type is required");
      }
      if (conferenceError.type_ === ConferenceErrorType.AUTHENTICATION &&
          conferenceError.authenticationUrl_ === null) {
        fail("ConferenceDataBuilder.setError: invalid error: AUTHENTICATION needs an " +
            "authentication URL");
      }
      const error = {type: conferenceError.type_.name_};
      if (conferenceError.authenticationUrl_ !== null) {
        error.authenticationUrl = conferenceError.authenticationUrl_;
      }
      this.error_ = error;
      return this;
    }
    build() {
      if (this.error_ === null) {
        if (this.conferenceId_ === null) fail("ConferenceDataBuilder.build: a conference ID is required");
        if (!this.entryPoints_.length) fail("ConferenceDataBuilder.build: an entry point is required");
        ["VIDEO", "SIP", "MORE"].forEach(function (type) {
          const count = this.entryPoints_.filter(function (e) { return e.type === type; }).length;
          if (count > 1) fail("ConferenceDataBuilder.build: more than one " + type + " entry point");
        }, this);
        if (this.entryPoints_.every(function (e) { return e.type === "MORE"; })) {
          fail("ConferenceDataBuilder.build: a conference with only a MORE entry point is not valid");
        }
      }
      const carried = {};
      if (this.conferenceId_ !== null) carried.conferenceId = this.conferenceId_;
      if (this.solutionId_ !== null) carried.conferenceSolutionId = this.solutionId_;
      if (this.entryPoints_.length) carried.entryPoints = this.entryPoints_.slice();
      if (this.parameters_.length) carried.parameters = this.parameters_.slice();
      if (this.error_ !== null) carried.error = this.error_;
      if (this.notes_ !== null) carried.note = this.notes_;
      return new ConferenceData(carried);
    }
  }

  // REFERENCE + "conference-data/conference-data-service".
  global.ConferenceDataService = Object.freeze({
    EntryPointType: EntryPointType,
    EntryPointFeature: EntryPointFeature,
    ConferenceErrorType: ConferenceErrorType,
    newConferenceDataBuilder: function () { return new ConferenceDataBuilder(); },
    newEntryPoint: function () { return new EntryPoint(); },
    newConferenceParameter: function () { return new ConferenceParameter(); },
    newConferenceError: function () { return new ConferenceError(); },
  });

  // What the tests program and read back.
  const state = {
    identityToken: "header.payload.signature",
    answers: [],
    fetches: [],
    logs: [],
  };

  // REFERENCE + "url-fetch/http-response": getResponseCode() "Get the HTTP status code (200
  // for OK, etc.)"; getContentText() "Gets the content of an HTTP response encoded as a
  // string".
  class HTTPResponse {
    constructor(status, body) {
      this.status_ = status;
      this.body_ = body;
    }
    getResponseCode() {
      return this.status_;
    }
    getContentText() {
      return this.body_;
    }
  }

  const METHODS = ["get", "delete", "patch", "post", "put"];

  // REFERENCE + "url-fetch/url-fetch-app": fetch(url, params). params.method is "get, delete,
  // patch, post, or put. The default is get"; params.muteHttpExceptions: "If true the fetch
  // doesn't throw an exception if the response code indicates failure, and instead returns
  // the HTTPResponse. The default is false"; contentType, headers (a map), payload (a string
  // here). A fetch that cannot reach the server throws (programmed with MockAppsScript.unreachable).
  global.UrlFetchApp = Object.freeze({
    fetch: function (url, params) {
      checkString("UrlFetchApp.fetch", url);
      const options = params === undefined ? {} : params;
      if (options === null || typeof options !== "object" || Array.isArray(options)) {
        fail("The parameters (string," + describe(params) + ") don't match the method " +
            "signature for UrlFetchApp.fetch.");
      }
      const method = options.method === undefined ? "get" : options.method;
      if (METHODS.indexOf(method) < 0) fail("UrlFetchApp.fetch: invalid method " + method);
      state.fetches.push({url: url, params: JSON.parse(JSON.stringify(options))});
      const answer = state.answers.shift();
      if (answer === undefined) fail("MockAppsScript: no answer programmed for " + url);
      if (answer.unreachable) fail(answer.unreachable);
      if (answer.status >= 400 && options.muteHttpExceptions !== true) {
        fail("Request failed for " + url + " returned code " + answer.status);
      }
      return new HTTPResponse(answer.status, answer.body);
    },
  });

  // REFERENCE + "script/script-app#getIdentityToken()": "Gets an OpenID Connect identity token
  // for the effective user, if the openid scope has been granted", String or null.
  global.ScriptApp = Object.freeze({
    getIdentityToken: function () { return state.identityToken; },
  });

  // https://developers.google.com/apps-script/guides/logging: console.log, info, warn, error.
  global.console = Object.freeze({
    log: function () { state.logs.push(["log", Array.from(arguments).join(" ")]); },
    info: function () { state.logs.push(["info", Array.from(arguments).join(" ")]); },
    warn: function () { state.logs.push(["warn", Array.from(arguments).join(" ")]); },
    error: function () { state.logs.push(["error", Array.from(arguments).join(" ")]); },
  });

  global.MockAppsScript = Object.freeze({
    reset: function () {
      state.identityToken = "header.payload.signature";
      state.answers = [];
      state.fetches = [];
      state.logs = [];
    },
    setIdentityToken: function (token) { state.identityToken = token; },
    answer: function (status, body) { state.answers.push({status: status, body: body}); },
    unreachable: function (message) { state.answers.push({unreachable: message}); },
    fetches: function () { return JSON.parse(JSON.stringify(state.fetches)); },
    logs: function () { return state.logs.slice(); },
    // What a built ConferenceData carries, as a plain object (through its printJson()).
    carried: function (data) {
      if (!(data instanceof ConferenceData)) fail("not a ConferenceData: " + describe(data));
      return JSON.parse(data.printJson());
    },
  });
})(globalThis);
