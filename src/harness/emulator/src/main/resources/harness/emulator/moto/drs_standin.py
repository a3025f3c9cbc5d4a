"""A stand-in for AWS Elastic Disaster Recovery (DRS), served on moto's own port.

moto 5.2 has no DRS backend. This module serves exactly the calls the hashicorp/aws provider
6.47.0 makes for aws_drs_replication_configuration_template, plus InitializeService, so the e2e
suite can apply, re-plan and destroy templates instead of proving them by plan alone, and the
source-server reads `drslink verify` makes (rules 11-14).

Wiring: DrsStandIn wraps moto's WSGI app (moto_e2e.py installs it). A request whose SigV4
credential scope names the service `drs` is answered here; every other request goes to moto
unchanged. POST /moto-api/reset clears this state too. The caller's account is found as moto finds
it (moto.core.responses.BaseResponse.get_current_account): MOTO_ACCOUNT_ID, else the
x-moto-account-id header, else the account moto maps the access key to (an assumed role's key maps
to the role's account), else moto's default account. State is per (account, region).

What the provider sends and reads (hashicorp/terraform-provider-aws,
internal/service/drs/replication_configuration_template.go and tags_gen.go, module
v1.60.1-0.20260602190131-5f2286d6d836 as built by scripts/toolchain.sh):
  - Create: CreateReplicationConfigurationTemplate with every schema attribute, then it reads the
    template back with DescribeReplicationConfigurationTemplates *without* an id filter
    ("currently MAX of 1 so you find it anyway") and AssertSingleValueResult: exactly one item.
    It waits 30 s before that first read (StateChangeConf Delay), so each create, update and
    delete costs the e2e suite about 30-40 s; that is the provider, not this stand-in.
  - Read: the same unfiltered Describe; tags through ListTagsForResource (@Tags on `arn`).
  - Update: UpdateReplicationConfigurationTemplate with the full model (including `arn`), then
    TagResource / UntagResource for tag changes.
  - Delete: DeleteReplicationConfigurationTemplate (ResourceNotFoundException = already gone),
    then Describe until nothing is found.

Rules, each with its source (API reference: https://docs.aws.amazon.com/drs/latest/APIReference/,
service model drs-2020-02-26 as shipped in botocore and aws-sdk-go-v2/service/drs v1.39.0):
  1. REST-JSON routes, methods and success codes: POST /CreateReplicationConfigurationTemplate 201,
     POST /DescribeReplicationConfigurationTemplates 200, POST /UpdateReplicationConfigurationTemplate
     200, POST /DeleteReplicationConfigurationTemplate 204, POST /InitializeService 204,
     POST|DELETE|GET /tags/{resourceArn} 200 (API_<Operation>.html for each).
  2. Errors are HTTP status + `X-Amzn-ErrorType` + JSON {"message", ...}, the members of each
     exception shape. UninitializedAccountException is HTTP 400 (API_CreateReplicationConfiguration
     Template.html, "Errors"). Before InitializeService in an (account, region), the four template
     calls, whose error lists name it, fail with it; the tag calls do not list it and answer
     ResourceNotFoundException for the template that cannot exist yet. InitializeService is
     idempotent (API_InitializeService.html lists no conflict error).
  3. One template per account and region: the provider's finder relies on it (above) and its
     acceptance tests run serially "since the account limit tends to be 1"; domain.md section 8.
     AWS documents no error for a second template. Chosen: ServiceQuotaExceededException, HTTP
     402, because it is the only "limit" error in Create's documented error list (ConflictException
     is not in it, so the SDK would not even recognise it for Create); the body carries
     resourceType, serviceCode "drs" and quotaCode as the shape defines. Undocumented: say so if
     real AWS answers otherwise.
  4. Required fields of Create: the API reference lists associateDefaultSecurityGroup,
     bandwidthThrottling, createPublicIP, dataPlaneRouting, defaultLargeStagingDiskType,
     ebsEncryption, pitPolicy, replicationServerInstanceType, replicationServersSecurityGroupsIDs,
     stagingAreaSubnetId, stagingAreaTags and useDedicatedReplicationServer as "Required: Yes"
     (API_CreateReplicationConfigurationTemplate.html); the provider's schema requires the same
     attributes. (The newest service model marks only six of them required; this stand-in keeps
     the reference's stricter list, which every provider request satisfies.) Update requires only
     replicationConfigurationTemplateID (API_UpdateReplicationConfigurationTemplate.html).
  5. Enums: ebsEncryption DEFAULT|CUSTOM|NONE, dataPlaneRouting PRIVATE_IP|PUBLIC_IP,
     defaultLargeStagingDiskType GP2|GP3|ST1|AUTO, internetProtocol IPV4|IPV6, PIT units
     MINUTE|HOUR|DAY (API_ReplicationConfigurationTemplate.html, API_PITPolicyRule.html).
  6. Shapes: stagingAreaSubnetId `subnet-[0-9a-fA-F]{8,}`, security group ids `sg-[0-9a-fA-F]{8,}`
     (at most 32), ebsEncryptionKeyArn `arn:.{16,2044}`, bandwidthThrottling a long >= 0,
     replicationServerInstanceType at most 255 characters, template ids `rct-[0-9a-zA-Z]{17}`.
  7. pitPolicy: 1-10 rules (API_PITPolicyRule.html: interval and retentionDuration >= 1, ruleID
     >= 0), and "must contain exactly three rules: one for MINUTE, one for HOUR, and one for DAY";
     MINUTE interval 10 retention 60 and HOUR interval 1 retention 24 are fixed; only the DAY
     rule's retentionDuration may change, 1 to 365
     (https://docs.aws.amazon.com/drs/latest/userguide/point-in-time.html; the provider's docs say
     the same in their NOTE). The day rule's interval is taken as fixed at 1 (the only value any
     AWS example shows). AWS's error for a wrong policy is undocumented: ValidationException here.
  8. Tags and staging area tags: at most 50, keys 1-128 and values 0-256 Unicode characters, no
     `aws:` prefix on keys (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html;
     domain.md section 8).
  9. Validation failures are ValidationException, HTTP 400, reason fieldValidationFailed with a
     fieldList of {name, message} (ValidationException shape); an unparsable body is reason
     cannotParse; an unknown DRS path is reason unknownOperation (this stand-in implements only
     the calls above, and says so).
  10. ids and ARNs: rct- plus 17 alphanumerics; arn:<partition>:drs:<region>:<account>:
     replication-configuration-template/<id> (partition aws-us-gov / aws-cn by region prefix).

  11. Source servers: POST /DescribeSourceServers 200 (filters hardwareId, sourceServerIDs,
     stagingAccountIDs only; maxResults >= 1; nextToken), POST /GetReplicationConfiguration 200,
     POST /UpdateReplicationConfiguration 200 (API_DescribeSourceServers.html,
     API_GetReplicationConfiguration.html, API_UpdateReplicationConfiguration.html); an unknown
     server is ResourceNotFoundException, HTTP 404; ids are s- plus 17 letters or digits.
  12. No public API adds a source server: the AWS Replication Agent registers it when installed.
     POST /drs-standin/RegisterSourceServer {"hostname": ...} stands in for that installation (signed
     for drs like every call here) and gives the new server the template's settings: "A newly added
     Source Server is implicitly configured with the same settings defined in the Default ...
     settings" (https://docs.aws.amazon.com/drs/latest/userguide/settings.html). With no template the
     stand-in refuses (AWS would use its own defaults, which it does not document in full).
  13. After that a server keeps its own settings: UpdateReplicationConfiguration changes that server
     only, and a template update does not reach servers added before it (the same page: the template
     is the settings "for newly added" servers).
  14. POST /GetLaunchConfiguration 200 (API_GetLaunchConfiguration.html): registration makes the
     server's EC2 launch template in moto's EC2 of the same account and region, naming no subnet, so
     that a recovery would use the default subnet until the user sets one
     (https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html); the template
     is moto's own, read and versioned through EC2 as in AWS. Registration takes the server's
     addresses ("ips"), which DescribeSourceServers reports under sourceProperties.networkInterfaces.

Not modelled: whether the subnet and security groups exist in EC2, KMS key checks, pagination
beyond one page (there is at most one template per account and region).
"""
import json
import os
import re
import secrets
import string
import threading

from werkzeug.wrappers import Request, Response

TEMPLATE = "replication-configuration-template"

ENUMS = {
    "ebsEncryption": {"DEFAULT", "CUSTOM", "NONE"},
    "dataPlaneRouting": {"PRIVATE_IP", "PUBLIC_IP"},
    "defaultLargeStagingDiskType": {"GP2", "GP3", "ST1", "AUTO"},
    "internetProtocol": {"IPV4", "IPV6"},
}
BOOLEANS = (
    "associateDefaultSecurityGroup",
    "autoReplicateNewDisks",
    "createPublicIP",
    "useDedicatedReplicationServer",
)
REQUIRED_ON_CREATE = (
    "associateDefaultSecurityGroup",
    "bandwidthThrottling",
    "createPublicIP",
    "dataPlaneRouting",
    "defaultLargeStagingDiskType",
    "ebsEncryption",
    "pitPolicy",
    "replicationServerInstanceType",
    "replicationServersSecurityGroupsIDs",
    "stagingAreaSubnetId",
    "stagingAreaTags",
    "useDedicatedReplicationServer",
)
# The settings a template stores; create and update accept them, describe returns them.
SETTINGS = REQUIRED_ON_CREATE + ("autoReplicateNewDisks", "ebsEncryptionKeyArn", "internetProtocol")
# The one PIT policy AWS accepts (rule 7): units -> (interval, retention or None = 1..365).
PIT_POLICY = {"MINUTE": (10, 60), "HOUR": (1, 24), "DAY": (1, None)}

SUBNET_ID = re.compile(r"subnet-[0-9a-fA-F]{8,}")
SECURITY_GROUP_ID = re.compile(r"sg-[0-9a-fA-F]{8,}")
ARN = re.compile(r"arn:.{16,2044}", re.DOTALL)
TEMPLATE_ID = re.compile(r"rct-[0-9a-zA-Z]{17}")
SOURCE_SERVER_ID = re.compile(r"s-[0-9a-zA-Z]{17}")
# Not an AWS path: the stand-in's replacement for an agent's installation (rule 12).
AGENT_REGISTRATION = "/drs-standin/RegisterSourceServer"
# AWS documents no default page size for DescribeSourceServers; two keeps every reader's paging honest.
SERVERS_PER_PAGE = 2
CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]+/([^/]+)/([^/]+)/aws4_request")


class DrsError(Exception):
    def __init__(self, status, kind, message, **members):
        super().__init__(message)
        self.status, self.kind, self.members = status, kind, dict(message=message, **members)


def invalid(fields, reason="fieldValidationFailed"):
    """rule 9: one ValidationException naming every field that failed."""
    return DrsError(
        400,
        "ValidationException",
        "; ".join(f"{n}: {m}" for n, m in fields),
        reason=reason,
        fieldList=[{"name": n, "message": m} for n, m in fields],
    )


class Place:
    """DRS in one account and region."""

    def __init__(self):
        self.initialized = False
        self.templates = {}  # id -> stored template (without tags)
        self.tags = {}  # arn -> tags
        self.servers = {}  # source server id -> {"server": DescribeSourceServers item, "settings": replication settings}


class DrsStandIn:
    @staticmethod
    def ec2_backend_of(account, region):
        from moto.ec2.models import ec2_backends

        return ec2_backends[account][region]

    def __init__(self, moto_app, account_of_access_key):
        self.moto_app = moto_app
        self.account_of_access_key = account_of_access_key
        self.lock = threading.Lock()
        self.places = {}

    # -- WSGI ------------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/moto-api/reset":
            with self.lock:
                self.places.clear()
            return self.moto_app(environ, start_response)
        scope = CREDENTIAL.search(environ.get("HTTP_AUTHORIZATION", ""))
        if not scope or scope.group(3) != "drs":
            return self.moto_app(environ, start_response)
        request = Request(environ)
        access_key, region = scope.group(1), scope.group(2)
        account = (
            os.environ.get("MOTO_ACCOUNT_ID")
            or request.headers.get("x-moto-account-id")
            or self.account_of_access_key(access_key)
        )
        try:
            with self.lock:
                status, body = self.dispatch(request, account, region)
        except DrsError as e:
            status, body = e.status, e.members
            response = Response(json.dumps(body), status, content_type="application/json")
            response.headers["X-Amzn-ErrorType"] = e.kind
            return response(environ, start_response)
        text = "" if body is None else json.dumps(body)
        return Response(text, status, content_type="application/json")(environ, start_response)

    def dispatch(self, request, account, region):
        place = self.places.setdefault((account, region), Place())
        path, method = request.path, request.method
        if path.startswith("/tags/"):
            arn = path[len("/tags/"):]
            return self.tag_call(place, method, arn, request)
        operations = {
            "/InitializeService": self.initialize,
            "/CreateReplicationConfigurationTemplate": self.create,
            "/DescribeReplicationConfigurationTemplates": self.describe,
            "/UpdateReplicationConfigurationTemplate": self.update,
            "/DeleteReplicationConfigurationTemplate": self.delete,
            "/DescribeSourceServers": self.describe_servers,
            "/GetReplicationConfiguration": self.get_replication,
            "/UpdateReplicationConfiguration": self.update_replication,
            "/GetLaunchConfiguration": self.get_launch,
            AGENT_REGISTRATION: self.register_server,
        }
        operation = operations.get(path) if method == "POST" else None
        if operation is None:
            raise invalid(
                [("operation", f"the drslink DRS stand-in does not implement {method} {path}")],
                reason="unknownOperation",
            )
        body = parse(request)
        if path != "/InitializeService" and not place.initialized:
            # rule 2
            raise DrsError(
                400,
                "UninitializedAccountException",
                f"Account {account} is not initialized in {region}; call InitializeService first",
            )
        return operation(place, body, account, region)

    # -- operations --------------------------------------------------------------------------------

    def initialize(self, place, body, account, region):
        place.initialized = True
        return 204, None

    def create(self, place, body, account, region):
        missing = [(f, "is required") for f in REQUIRED_ON_CREATE if body.get(f) is None]
        if missing:
            raise invalid(missing)  # rule 4
        problems = validate_settings(body) + validate_tags("tags", body.get("tags"))
        if problems:
            raise invalid(problems)
        if place.templates:
            existing = next(iter(place.templates))
            raise DrsError(  # rule 3
                402,
                "ServiceQuotaExceededException",
                f"{account} already has replication configuration template {existing} in {region};"
                " DRS keeps one per account and region",
                resourceId=existing,
                resourceType="ReplicationConfigurationTemplate",
                serviceCode="drs",
                quotaCode="replication-configuration-templates-per-region",
            )
        template_id = "rct-" + "".join(
            secrets.choice(string.ascii_lowercase + string.digits) for _ in range(17)
        )
        arn = f"arn:{partition(region)}:drs:{region}:{account}:{TEMPLATE}/{template_id}"
        stored = {f: body[f] for f in SETTINGS if body.get(f) is not None}
        stored.update(replicationConfigurationTemplateID=template_id, arn=arn)
        place.templates[template_id] = stored
        place.tags[arn] = dict(body.get("tags") or {})
        return 201, view(place, stored)

    def describe(self, place, body, account, region):
        ids = body.get("replicationConfigurationTemplateIDs") or []
        problems = [
            ("replicationConfigurationTemplateIDs", f"{i!r} is not a template id")
            for i in ids
            if not isinstance(i, str) or not TEMPLATE_ID.fullmatch(i)
        ]
        max_results = body.get("maxResults")
        if max_results is not None and (not is_int(max_results) or max_results < 1):
            problems.append(("maxResults", "must be an integer of at least 1"))
        if problems:
            raise invalid(problems)
        items = [view(place, t) for i, t in place.templates.items() if not ids or i in ids]
        return 200, {"items": items}

    def update(self, place, body, account, region):
        stored = self.find(place, body)
        problems = validate_settings(body)
        if problems:
            raise invalid(problems)
        stored.update({f: body[f] for f in SETTINGS if body.get(f) is not None})
        return 200, view(place, stored)

    def delete(self, place, body, account, region):
        stored = self.find(place, body)
        del place.templates[stored["replicationConfigurationTemplateID"]]
        place.tags.pop(stored["arn"], None)
        return 204, None

    # -- source servers (rules 11-13) ----------------------------------------------------------

    def register_server(self, place, body, account, region):
        """What an agent's installation does: adds a source server with the template's settings (rule 12)."""
        hostname = body.get("hostname")
        if not isinstance(hostname, str) or not hostname:
            raise invalid([("hostname", "is required")])
        if not place.templates:
            raise invalid([("template", "the stand-in copies a new server's settings from the template: create it first")])
        template = next(iter(place.templates.values()))
        server_id = "s-" + "".join(secrets.choice("0123456789abcdef") for _ in range(17))
        arn = f"arn:{partition(region)}:drs:{region}:{account}:source-server/{server_id}"
        ips = body.get("ips") or []
        server = {
            "sourceServerID": server_id,
            "arn": arn,
            "tags": {},
            "replicationDirection": "FAILOVER",
            "sourceProperties": {
                "identificationHints": {"hostname": hostname},
                "networkInterfaces": [{"ips": list(ips), "isPrimary": True}] if ips else [],
            },
            "dataReplicationInfo": {"dataReplicationState": body.get("dataReplicationState") or "CONTINUOUS"},
        }
        settings = {f: template[f] for f in SETTINGS if f in template}
        settings.update(sourceServerID=server_id, name=hostname)
        # Rule 14: DRS makes the server's EC2 launch template, in the same account and region, naming no subnet.
        launch_template = self.ec2_backend_of(account, region).create_launch_template(
            f"drs-{server_id}", "created by the DRS stand-in for a source server", {}, {}
        )
        launch = {
            "sourceServerID": server_id,
            "name": hostname,
            "ec2LaunchTemplateID": launch_template.id,
            "launchDisposition": "STOPPED",
            "copyPrivateIp": False,
            "copyTags": False,
            "targetInstanceTypeRightSizingMethod": "BASIC",
        }
        place.servers[server_id] = {"server": server, "settings": settings, "launch": launch}
        return 201, {"sourceServerID": server_id}

    def describe_servers(self, place, body, account, region):
        filters = body.get("filters") or {}
        problems = []
        if not isinstance(filters, dict):
            problems.append(("filters", "must be an object"))
            filters = {}
        ids = filters.get("sourceServerIDs") or []
        problems += [("filters.sourceServerIDs", f"{i!r} is not a source server id") for i in ids if not isinstance(i, str) or not SOURCE_SERVER_ID.fullmatch(i)]
        unknown = sorted(set(filters) - {"hardwareId", "sourceServerIDs", "stagingAccountIDs"})
        problems += [(f"filters.{k}", "is not a member of DescribeSourceServersRequestFilters") for k in unknown]
        max_results = body.get("maxResults")
        if max_results is not None and (not is_int(max_results) or max_results < 1):
            problems.append(("maxResults", "must be an integer of at least 1"))
        token = str(body.get("nextToken") or "0")
        if not token.isdigit():
            problems.append(("nextToken", "is not a token this service gave"))
        if problems:
            raise invalid(problems)
        matching = [e["server"] for i, e in sorted(place.servers.items()) if not ids or i in ids]
        start, size = int(token), max_results or SERVERS_PER_PAGE
        page = matching[start:start + size]
        answer = {"items": [dict(item) for item in page]}
        if start + size < len(matching):
            answer["nextToken"] = str(start + size)
        return 200, answer

    def server(self, place, body):
        server_id = body.get("sourceServerID")
        if not isinstance(server_id, str) or not SOURCE_SERVER_ID.fullmatch(server_id):
            raise invalid([("sourceServerID", "is required: s- and 17 letters or digits")])
        if server_id not in place.servers:
            raise DrsError(404, "ResourceNotFoundException", f"source server {server_id} not found", resourceId=server_id, resourceType="SourceServer")
        return place.servers[server_id]

    def get_launch(self, place, body, account, region):
        return 200, dict(self.server(place, body)["launch"])

    def get_replication(self, place, body, account, region):
        return 200, dict(self.server(place, body)["settings"])

    def update_replication(self, place, body, account, region):
        entry = self.server(place, body)
        problems = validate_settings(body)
        if problems:
            raise invalid(problems)
        entry["settings"].update({f: body[f] for f in SETTINGS if body.get(f) is not None})
        return 200, dict(entry["settings"])

    def find(self, place, body):
        template_id = body.get("replicationConfigurationTemplateID")
        if not isinstance(template_id, str) or not TEMPLATE_ID.fullmatch(template_id):
            raise invalid([("replicationConfigurationTemplateID", "is required: rct- and 17 letters or digits")])
        if template_id not in place.templates:
            raise DrsError(
                404,
                "ResourceNotFoundException",
                f"replication configuration template {template_id} not found",
                resourceId=template_id,
                resourceType="ReplicationConfigurationTemplate",
            )
        return place.templates[template_id]

    def tag_call(self, place, method, arn, request):
        if not ARN.fullmatch(arn):
            raise invalid([("resourceArn", f"{arn!r} is not an ARN")])
        if arn not in place.tags:
            raise DrsError(404, "ResourceNotFoundException", f"resource {arn} not found", resourceId=arn)
        tags = place.tags[arn]
        if method == "GET":
            return 200, {"tags": dict(tags)}
        if method == "POST":
            new = parse(request).get("tags")
            if not isinstance(new, dict):
                raise invalid([("tags", "is required")])
            problems = validate_tags("tags", {**tags, **new})
            if problems:
                raise invalid(problems)
            tags.update(new)
            return 200, None
        if method == "DELETE":
            keys = request.args.getlist("tagKeys")
            if not keys:
                raise invalid([("tagKeys", "is required")])
            for k in keys:
                tags.pop(k, None)
            return 200, None
        raise invalid([("operation", f"no {method} on /tags")], reason="unknownOperation")


# -- validation ------------------------------------------------------------------------------------


def parse(request):
    text = request.get_data(as_text=True)
    if not text.strip():
        return {}
    try:
        body = json.loads(text)
    except ValueError as e:
        raise invalid([("body", f"not JSON: {e}")], reason="cannotParse")
    if not isinstance(body, dict):
        raise invalid([("body", "must be a JSON object")], reason="cannotParse")
    return body


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def validate_settings(body):
    """Rules 5-8 on whichever settings the request carries."""
    problems = []
    for f in BOOLEANS:
        if f in body and body[f] is not None and not isinstance(body[f], bool):
            problems.append((f, "must be a boolean"))
    for f, allowed in ENUMS.items():
        if body.get(f) is not None and body[f] not in allowed:
            problems.append((f, f"{body[f]!r} is not one of {'|'.join(sorted(allowed))}"))
    if body.get("bandwidthThrottling") is not None:
        v = body["bandwidthThrottling"]
        if not is_int(v) or v < 0:
            problems.append(("bandwidthThrottling", "must be an integer of at least 0"))
    subnet = body.get("stagingAreaSubnetId")
    if subnet is not None and (not isinstance(subnet, str) or len(subnet) > 255 or not SUBNET_ID.fullmatch(subnet)):
        problems.append(("stagingAreaSubnetId", f"{subnet!r} is not a subnet id"))
    groups = body.get("replicationServersSecurityGroupsIDs")
    if groups is not None:
        if not isinstance(groups, list) or len(groups) > 32:
            problems.append(("replicationServersSecurityGroupsIDs", "must be a list of at most 32 ids"))
        else:
            for g in groups:
                if not isinstance(g, str) or not SECURITY_GROUP_ID.fullmatch(g):
                    problems.append(("replicationServersSecurityGroupsIDs", f"{g!r} is not a security group id"))
    instance_type = body.get("replicationServerInstanceType")
    if instance_type is not None and (not isinstance(instance_type, str) or len(instance_type) > 255):
        problems.append(("replicationServerInstanceType", "must be a string of at most 255 characters"))
    key = body.get("ebsEncryptionKeyArn")
    if key is not None and (not isinstance(key, str) or len(key) > 2048 or not ARN.fullmatch(key)):
        problems.append(("ebsEncryptionKeyArn", f"{key!r} is not an ARN"))
    if body.get("pitPolicy") is not None:
        problems += validate_pit_policy(body["pitPolicy"])
    if "stagingAreaTags" in body and body["stagingAreaTags"] is not None:
        problems += validate_tags("stagingAreaTags", body["stagingAreaTags"])
    return problems


def validate_pit_policy(rules):
    """Rule 7."""
    if not isinstance(rules, list) or not 1 <= len(rules) <= 10:
        return [("pitPolicy", "must be a list of 1 to 10 rules")]
    problems = []
    for i, r in enumerate(rules):
        name = f"pitPolicy[{i}]"
        if not isinstance(r, dict):
            problems.append((name, "must be an object"))
            continue
        if r.get("units") not in PIT_POLICY:
            problems.append((name + ".units", f"{r.get('units')!r} is not one of DAY|HOUR|MINUTE"))
        for f in ("interval", "retentionDuration"):
            if not is_int(r.get(f)) or r[f] < 1:
                problems.append((f"{name}.{f}", "is required, an integer of at least 1"))
        if r.get("ruleID") is not None and (not is_int(r["ruleID"]) or r["ruleID"] < 0):
            problems.append((name + ".ruleID", "must be an integer of at least 0"))
        if r.get("enabled") is not None and not isinstance(r["enabled"], bool):
            problems.append((name + ".enabled", "must be a boolean"))
    if problems:
        return problems
    units = sorted(r["units"] for r in rules)
    if units != sorted(PIT_POLICY):
        return [("pitPolicy", f"must have exactly one MINUTE, one HOUR and one DAY rule, not {units}")]
    for r in rules:
        interval, retention = PIT_POLICY[r["units"]]
        if r["interval"] != interval:
            problems.append(("pitPolicy", f"the {r['units']} rule's interval must be {interval}"))
        if retention is not None and r["retentionDuration"] != retention:
            problems.append(("pitPolicy", f"the {r['units']} rule's retentionDuration must be {retention}"))
        if retention is None and not 1 <= r["retentionDuration"] <= 365:
            problems.append(("pitPolicy", "the DAY rule's retentionDuration must be 1 to 365 days"))
    return problems


def validate_tags(field, tags):
    """Rule 8."""
    if tags is None:
        return []
    if not isinstance(tags, dict):
        return [(field, "must be a map of strings")]
    problems = []
    if len(tags) > 50:
        problems.append((field, f"{len(tags)} tags; at most 50 are allowed"))
    for k, v in tags.items():
        if not 1 <= len(k) <= 128:
            problems.append((field, f"key {k!r} must be 1 to 128 characters"))
        if k.lower().startswith("aws:"):
            problems.append((field, f"key {k!r} uses the reserved aws: prefix"))
        if not isinstance(v, str) or len(v) > 256:
            problems.append((field, f"value of {k!r} must be a string of at most 256 characters"))
    return problems


def partition(region):
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    if region.startswith("cn-"):
        return "aws-cn"
    return "aws"


def view(place, stored):
    """A template as Create, Update and Describe return it: its settings, id, arn and tags."""
    out = dict(stored)
    out["tags"] = dict(place.tags.get(stored["arn"], {}))
    return out
