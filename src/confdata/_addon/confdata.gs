/**
 * confdata's Apps Script half of a conferencing add-on: the onCreateFunction side of the
 * add-on form of conference data (ConferenceDataMarkup, what confdata's
 * ConferenceData.to_addon_json() writes).
 *
 *   buildConferenceData(markup)       the add-on form (parsed) -> ConferenceData
 *   requestConferenceData(url, body)  POST body to your backend, build what it answers
 *
 * One line per conference solution of the manifest:
 *
 *   function onCreateAcme(arg) {
 *     return requestConferenceData("https://backend.example/conference", {
 *         solutionId: "acme", calendarId: arg.eventData.calendarId,
 *         eventId: arg.eventData.eventId});
 *   }
 *
 * Apps Script's EntryPoint has no label setter, so an entry point's label is not carried.
 * Printed by `confdata apps-script`; print it again to update it rather than editing it.
 * Needs the V8 runtime and the scopes `confdata apps-script --manifest` prints.
 */

// The members of the add-on form and the setter that carries each string member
// (null: Apps Script has no setter for it).
const CONFDATA_CONFERENCE_TEXTS_ = Object.freeze({
  conferenceId: "setConferenceId",
  conferenceSolutionId: "setConferenceSolutionId",
  note: "setNotes",
});
const CONFDATA_CONFERENCE_MEMBERS_ = Object.freeze(
  Object.keys(CONFDATA_CONFERENCE_TEXTS_).concat(["entryPoints", "parameters", "error"]));
const CONFDATA_ENTRY_POINT_TEXTS_ = Object.freeze({
  uri: "setUri",
  label: null,
  pin: "setPin",
  accessCode: "setAccessCode",
  meetingCode: "setMeetingCode",
  passcode: "setPasscode",
  password: "setPassword",
  regionCode: "setRegionCode",
});
const CONFDATA_ENTRY_POINT_MEMBERS_ = Object.freeze(
  Object.keys(CONFDATA_ENTRY_POINT_TEXTS_).concat(["type", "features"]));
const CONFDATA_PARAMETER_MEMBERS_ = Object.freeze(["key", "value"]);
const CONFDATA_ERROR_MEMBERS_ = Object.freeze(["type", "authenticationUrl"]);
// The enum values the add-on form spells, named as ConferenceDataService's enums name them.
const CONFDATA_ENTRY_POINT_TYPES_ = Object.freeze(["VIDEO", "PHONE", "SIP", "MORE"]);
const CONFDATA_FEATURES_ = Object.freeze(["TOLL", "TOLL_FREE"]);
const CONFDATA_ERROR_TYPES_ = Object.freeze([
  "UNKNOWN", "AUTHENTICATION", "TEMPORARY", "PERMANENT", "PERMISSION_DENIED",
  "CONFERENCE_SOLUTION_FORBIDDEN",
]);

/**
 * The ConferenceData an onCreateFunction returns, built from the add-on form of conference
 * data (the parsed JSON object) with ConferenceDataService's builders and enums.
 *
 * Every member is carried except an entry point's label; a null member counts as absent.
 * Throws an Error naming the member (a JSON Pointer) when markup is not the add-on form,
 * and when Apps Script refuses a value or the whole (its own limits and rules).
 */
function buildConferenceData(markup) {
  const conference = confdataObject_(markup, "", CONFDATA_CONFERENCE_MEMBERS_);
  const builder = ConferenceDataService.newConferenceDataBuilder();
  Object.keys(CONFDATA_CONFERENCE_TEXTS_).forEach(function (name) {
    if (name in conference) {
      confdataSet_(builder, CONFDATA_CONFERENCE_TEXTS_[name],
          confdataString_(conference[name], "/" + name), "/" + name);
    }
  });
  confdataArray_(conference.entryPoints, "/entryPoints").forEach(function (item, index) {
    const path = "/entryPoints/" + index;
    confdataSet_(builder, "addEntryPoint", confdataEntryPoint_(item, path), path);
  });
  confdataArray_(conference.parameters, "/parameters").forEach(function (item, index) {
    const path = "/parameters/" + index;
    confdataSet_(builder, "addConferenceParameter", confdataParameter_(item, path), path);
  });
  if ("error" in conference) {
    confdataSet_(builder, "setError", confdataError_(conference.error, "/error"), "/error");
  }
  try {
    return builder.build();
  } catch (error) {
    throw new Error("confdata: Apps Script refused the conference data: " +
        confdataMessage_(error));
  }
}

/**
 * POSTs request as JSON to url with the user's OpenID Connect identity token, and returns
 * buildConferenceData() of the add-on form the backend answers with HTTP 200.
 *
 * Anything else (another status, a failed fetch, an answer that is not the add-on form)
 * returns a TEMPORARY ConferenceError, so Calendar offers to try again; no identity token
 * (the manifest lacks the openid scope) returns a PERMANENT one. Each is logged with
 * console.error. Throws a TypeError only for a url or request of the wrong type.
 */
function requestConferenceData(url, request) {
  if (typeof url !== "string" || url === "") {
    throw new TypeError("requestConferenceData: url must be a non-empty string");
  }
  if (request === null || typeof request !== "object" || Array.isArray(request)) {
    throw new TypeError("requestConferenceData: request must be an object");
  }
  const payload = JSON.stringify(request);
  const token = ScriptApp.getIdentityToken();
  if (typeof token !== "string" || token === "") {
    console.error("confdata: no identity token; add the openid scope to appsscript.json");
    return confdataFailure_("PERMANENT");
  }
  let response;
  try {
    response = UrlFetchApp.fetch(url, {
      method: "post",
      contentType: "application/json",
      payload: payload,
      headers: {Authorization: "Bearer " + token},
      muteHttpExceptions: true,
    });
  } catch (error) {
    console.error("confdata: the backend could not be reached: " + confdataMessage_(error));
    return confdataFailure_("TEMPORARY");
  }
  const status = response.getResponseCode();
  if (status !== 200) {
    console.error("confdata: the backend answered HTTP " + status + " (expected 200)");
    return confdataFailure_("TEMPORARY");
  }
  let markup;
  try {
    markup = JSON.parse(response.getContentText());
  } catch (error) {
    console.error("confdata: the backend's answer is not JSON");
    return confdataFailure_("TEMPORARY");
  }
  try {
    return buildConferenceData(markup);
  } catch (error) {
    console.error("confdata: the backend's answer is not usable conference data: " +
        confdataMessage_(error));
    return confdataFailure_("TEMPORARY");
  }
}

function confdataFailure_(type) {
  const error = ConferenceDataService.newConferenceError()
      .setConferenceErrorType(ConferenceDataService.ConferenceErrorType[type]);
  return ConferenceDataService.newConferenceDataBuilder().setError(error).build();
}

function confdataEntryPoint_(value, path) {
  const item = confdataObject_(value, path, CONFDATA_ENTRY_POINT_MEMBERS_);
  const entryPoint = ConferenceDataService.newEntryPoint();
  // The type first: Apps Script checks features and the URI against it.
  if ("type" in item) {
    confdataSet_(entryPoint, "setEntryPointType", confdataEnum_(item.type, path + "/type",
        CONFDATA_ENTRY_POINT_TYPES_, ConferenceDataService.EntryPointType), path + "/type");
  }
  Object.keys(CONFDATA_ENTRY_POINT_TEXTS_).forEach(function (name) {
    if (name in item) {
      const text = confdataString_(item[name], path + "/" + name);
      const setter = CONFDATA_ENTRY_POINT_TEXTS_[name];
      if (setter !== null) confdataSet_(entryPoint, setter, text, path + "/" + name);
    }
  });
  confdataArray_(item.features, path + "/features").forEach(function (feature, index) {
    const where = path + "/features/" + index;
    confdataSet_(entryPoint, "addFeature", confdataEnum_(feature, where, CONFDATA_FEATURES_,
        ConferenceDataService.EntryPointFeature), where);
  });
  return entryPoint;
}

function confdataParameter_(value, path) {
  const item = confdataObject_(value, path, CONFDATA_PARAMETER_MEMBERS_);
  const parameter = ConferenceDataService.newConferenceParameter();
  CONFDATA_PARAMETER_MEMBERS_.forEach(function (name) {
    const setter = name === "key" ? "setKey" : "setValue";
    if (name in item) {
      confdataSet_(parameter, setter, confdataString_(item[name], path + "/" + name),
          path + "/" + name);
    }
  });
  return parameter;
}

function confdataError_(value, path) {
  const item = confdataObject_(value, path, CONFDATA_ERROR_MEMBERS_);
  const error = ConferenceDataService.newConferenceError();
  if ("type" in item) {
    confdataSet_(error, "setConferenceErrorType", confdataEnum_(item.type, path + "/type",
        CONFDATA_ERROR_TYPES_, ConferenceDataService.ConferenceErrorType), path + "/type");
  }
  if ("authenticationUrl" in item) {
    const where = path + "/authenticationUrl";
    confdataSet_(error, "setAuthenticationUrl", confdataString_(item.authenticationUrl, where),
        where);
  }
  return error;
}

// A JSON object of the given members, as a map without its null members.
function confdataObject_(value, path, members) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw confdataShapeError_(path, "an object", value);
  }
  const read = Object.create(null);
  Object.keys(value).forEach(function (name) {
    if (members.indexOf(name) < 0) {
      throw new Error("confdata: " + confdataPointer_(path, name) +
          " is not a member of the add-on form (expected one of " + members.join(", ") + ")");
    }
    if (value[name] !== null) read[name] = value[name];
  });
  return read;
}

function confdataArray_(value, path) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw confdataShapeError_(path, "an array", value);
  return value;
}

function confdataString_(value, path) {
  if (typeof value !== "string") throw confdataShapeError_(path, "a string", value);
  return value;
}

function confdataEnum_(value, path, names, values) {
  confdataString_(value, path);
  if (names.indexOf(value) < 0) {
    throw new Error("confdata: " + confdataWhere_(path) + " must be one of " + names.join(", ") +
        " (got " + JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value) + ")");
  }
  return values[value];
}

// Calls target[setter](value), naming the member when Apps Script refuses it.
function confdataSet_(target, setter, value, path) {
  try {
    target[setter](value);
  } catch (error) {
    throw new Error("confdata: " + path + ": Apps Script's " + setter + " refused it: " +
        confdataMessage_(error));
  }
}

function confdataShapeError_(path, expected, value) {
  // The value itself is not shown: it may be a PIN, a passcode or a password.
  const got = value === null ? "null" : value === undefined ? "undefined" :
      Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" :
      "a " + typeof value;
  return new Error("confdata: " + confdataWhere_(path) + " must be " + expected +
      " (got " + got + ")");
}

// How messages name a member: its JSON Pointer, or "the conference data" for the whole.
function confdataWhere_(path) {
  return path === "" ? "the conference data" : path;
}

function confdataPointer_(path, name) {
  const shown = name.length > 40 ? name.slice(0, 40) + "…" : name;
  return path + "/" + shown.replace(/~/g, "~0").replace(/\//g, "~1");
}

function confdataMessage_(error) {
  return error && typeof error.message === "string" ? error.message : String(error);
}
