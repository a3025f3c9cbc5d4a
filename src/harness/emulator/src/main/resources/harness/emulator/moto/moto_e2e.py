"""moto_server for the drslink e2e suite: moto 5.2.x plus thirteen fixes the suite depends on (the
sixth a DRS stand-in on the same port, drs_standin.py beside this file).

Run exactly like moto_server (`python3 moto_e2e.py -H 127.0.0.1 -p PORT`); the harness starts it
with the moto image's (or the local venv's) python, so the installed moto is left untouched.
Each fix makes moto do what AWS documents; everything else is moto's own code.

1. Route 53 CreateHostedZone. AWS makes a zone private because the request carries a <VPC>
   element; HostedZoneConfig.PrivateZone is a response-only field that no SDK and not the
   Terraform provider sends. moto 5.2 reads only that flag, so every zone created with a VPC
   became public and each later AssociateVPCWithHostedZone failed with PublicZoneVPCAssociation.
   Here the flag is derived from the VPC element, as AWS does.

2. EC2 CreateTransitGatewayPeeringAttachment. PeerAccountId is optional and defaults to the
   caller's account. moto 5.2 keeps it as None, so the attachment never reaches the peer region
   and AcceptTransitGatewayPeeringAttachment there fails with an HTTP 500 (KeyError) that the
   provider retries for minutes. Here a missing PeerAccountId is the caller's account.

3. EC2 CreateTransitGatewayRoute. moto stores the route's attachment as one object where the API
   has a list (TransitGatewayAttachments), so it is dropped from every answer; the provider then
   reads the route back as a blackhole without an attachment and plans to replace it on every
   run. Here the attachment is stored as the one-element list AWS returns.

4. EC2 DescribeSecurityGroupRules. moto reads a rule's Description only from a CIDR range, so a
   rule that references another security group (the recovery instances' 443 to the endpoints) or
   a prefix list (staging_private's 443 to the S3 gateway) came back without its description and
   every second plan wanted to set it again. AWS returns the description of every rule
   (API_SecurityGroupRule). Here it is also read from the group pair or the prefix list entry.

5. Route 53 Resolver ListResolverEndpoints sorts by name and fails with HTTP 500 once an
   endpoint has none (Name is optional in CreateResolverEndpoint). Here a missing name sorts as "",
   and the answer is paged (NextToken, MaxResults) as moto's own.

7. EC2 security group rules under concurrent requests. The provider creates and deletes a group's
   rules in parallel; moto's revoke rebuilds the group's rule list from the copy it read, so a rule
   added meanwhile could vanish and its later delete fail. AWS applies each call to a group whole;
   here the calls that change a group's rules take one lock. And a revoke naming a rule id the group
   does not have answers InvalidSecurityGroupRuleId.NotFound, the code AWS documents for an unknown
   rule id (EC2 API error codes) and the one the provider treats as "already deleted"
   (internal/service/ec2/vpc_security_group_ingress_rule.go, Delete); moto said InvalidPermission.NotFound.

6. DRS. moto has no DRS backend; drs_standin.DrsStandIn wraps moto's WSGI app and answers the
   requests signed for `drs` (see that module for what it serves and the AWS rules it enforces).
   Running it in this process keeps one port, one reset and moto's own access-key-to-account map.

8. IAM enforcement (only when switched on: INITIAL_NO_AUTH_ACTION_COUNT, POST /moto-api/reset-auth).
   moto recomputes each request's SigV4 signature over the request's body or, when it has none, over
   its parsed parameters, so every signed GET with parameters in its path (Route 53 GetHostedZone,
   ListTagsForResource) failed with SignatureDoesNotMatch. SigV4 hashes the payload as sent, empty for
   a GET (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html); here a GET is
   signed over its empty body, and everything else as before. Used by IamEnforcementIT (docs/iam.md).

9. One call at a time. moto changes its in-memory state from many server threads at once; AWS
   applies each call whole. See OneCallAtATime below (a flaky RouteAlreadyExists in CI came from it).

10. EC2 transit gateway attachment association. AWS associates a new VPC attachment with the gateway's
   default association route table only when DefaultRouteTableAssociation is enable ("Automatically
   associate transit gateway attachments with the default association route table", and likewise
   propagation into the default propagation route table:
   https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html), and DescribeTransitGatewayAttachments
   reports the one table the attachment is associated with now ("You can associate only one route table with
   an attachment": AssociateTransitGatewayRouteTable; Association in API_TransitGatewayAttachment). moto 5.2
   associates every VPC attachment with the default table whatever the option, and reports that default
   table for ever, even after AssociateTransitGatewayRouteTable moved the attachment to another table (or
   DisassociateTransitGatewayRouteTable removed it). Here the option is honoured and the reported
   association is the current one.

11. EC2 SearchTransitGatewayRoutes. moto slices its dict of routes when MaxResults is given, an HTTP 500
   (TypeError) for every SDK that sends it; and it never lists propagated routes, though AWS adds the VPC's
   CIDRs to each route table an attachment propagates to ("Route propagation": tgw-route-tables.html) and
   prefers a static route over a propagated one for the same destination (route evaluation order,
   https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview).
   Here the routes are static plus propagated (type propagated), filtered as before (type, state,
   route-search.exact-match), at most MaxResults of them, additionalRoutesAvailable telling whether more
   exist (API_SearchTransitGatewayRoutes).

12. IAM AWS managed policies. AWS offers every AWS managed policy (arn:<partition>:iam::aws:policy/...) in
   every account (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies);
   moto 5.2 knows them (moto/iam/aws_managed_policies.py has AWSElasticDisasterRecoveryEc2InstancePolicy and
   AWSElasticDisasterRecoveryAgentInstallationPolicy) but loads them only when MOTO_IAM_LOAD_MANAGED_POLICIES
   is true, so AttachRolePolicy of either failed with NoSuchEntity. Here they are loaded, and parsed once per
   process: moto parses its 1,300 managed policies (a 10 MB JSON string) again for each account's IAM backend
   and on each reset, which was 88% of the emulator's time under test_aws_rules.py (py-spy). Each backend still
   gets policy objects of its own, made from the same data.

13. Each answer in one send. Not an AWS rule but the server's transport: werkzeug's development server writes
   an answer's status line and headers in one send and its body in a second (serving.py, WSGIRequestHandler
   .run_wsgi: end_headers, then wfile.write per body chunk, on an unbuffered socket writer). A packet capture
   of six concurrent `tofu plan`s (TESTING.md, fix 9) showed the provider close its connection 0.4 ms after
   an answer's headers arrived and before its body did; the body then met a reset, and the SDK sent the call
   again, which for a write meets its own first attempt. Here the handler's stream is buffered, so werkzeug's
   one flush per body chunk sends headers and body together: 0 calls sent again in 721 (4 rounds of the
   reproduction), against 8 in about 900 (5 rounds) before. A `100 Continue` is still sent at once.

aws_rules.py (beside this file, installed below) then makes moto refuse what AWS refuses, one
documented rule each (security group names, tag limits, duplicate TGW routes, private zone
conflicts, cross-account zone associations, peering quota, aliases to VPC endpoint names).
"""
import io
import os
import re
import sys
import threading
import urllib.parse

# Fix 12: read by each account's IAM backend when it is created, so set before any request.
os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"

import moto.server

from moto.ec2.exceptions import InvalidSecurityGroupRuleIdNotFoundError
from moto.ec2.models.security_groups import SecurityGroupBackend, SecurityGroupRule
from moto.ec2.models.transit_gateway_attachments import TransitGatewayAttachmentBackend
from moto.ec2.models.transit_gateway_attachments import TransitGatewayAttachment
from moto.ec2.models.transit_gateway_route_tables import TransitGatewayRouteTableBackend
from moto.ec2.responses.transit_gateway_route_tables import TransitGatewayRouteTable as TransitGatewayRouteTableResponse
from moto.core.responses import ActionResult
from botocore.awsrequest import AWSRequest
from moto.iam.access_control import IAMRequestBase
from moto.iam.models import get_account_id_from
from moto.route53.responses import Route53
from moto.route53resolver.models import ResolverEndpoint, Route53ResolverBackend
from moto.route53resolver.utils import PAGINATION_MODEL
from moto.utilities.paginator import paginate
from werkzeug.serving import WSGIRequestHandler, run_simple


# Fix 12: the managed policies parsed and serialized once per process (see the header).
from moto.iam import models as _iam_models

_managed_policy_rows = None


def _init_aws_policies(self):
    global _managed_policy_rows
    if not _iam_models.load_iam_aws_managed_policies():
        return []
    if _managed_policy_rows is None:
        import datetime
        import json

        parsed = json.loads(_iam_models.aws_managed_policies_data)
        # As AWSManagedPolicy.from_data reads each entry.
        _managed_policy_rows = [
            (name, d.get("DefaultVersionId"), d.get("Path"), json.dumps(d.get("Document")),
             datetime.datetime.fromisoformat(d["CreateDate"]), datetime.datetime.fromisoformat(d["UpdateDate"]))
            for name, d in parsed.items()
        ]
    return [
        _iam_models.AWSManagedPolicy(
            name, account_id=self.account_id, region=self.region_name, default_version_id=version, path=path,
            document=document, create_date=created, update_date=updated)
        for name, version, path, document, created, updated in _managed_policy_rows
    ]


_iam_models.IAMBackend._init_aws_policies = _init_aws_policies

import aws_rules
from drs_standin import DrsStandIn

_moto_get_bool_param = Route53._get_bool_param


def _get_bool_param(self, param_name, if_none=None):
    value = _moto_get_bool_param(self, param_name, if_none)
    if param_name == "HostedZoneConfig.PrivateZone" and value is if_none:
        if self._get_param("VPC.VPCId"):
            return True
    return value


Route53._get_bool_param = _get_bool_param

_moto_create_peering = TransitGatewayAttachmentBackend.create_transit_gateway_peering_attachment


def create_transit_gateway_peering_attachment(
    self, transit_gateway_id, peer_transit_gateway_id, peer_region, peer_account_id, tags
):
    return _moto_create_peering(
        self,
        transit_gateway_id,
        peer_transit_gateway_id,
        peer_region,
        peer_account_id or self.account_id,
        tags,
    )


TransitGatewayAttachmentBackend.create_transit_gateway_peering_attachment = (
    create_transit_gateway_peering_attachment
)

_moto_create_tgw_route = TransitGatewayRouteTableBackend.create_transit_gateway_route


def create_transit_gateway_route(self, *args, **kwargs):
    route = _moto_create_tgw_route(self, *args, **kwargs)
    attachment = route.get("transitGatewayAttachments")
    if isinstance(attachment, dict):
        # the dict is the stored route itself, so this also fixes later searches
        route["transitGatewayAttachments"] = [attachment]
    return route


TransitGatewayRouteTableBackend.create_transit_gateway_route = create_transit_gateway_route

_moto_create_vpc_attachment = TransitGatewayAttachmentBackend.create_transit_gateway_vpc_attachment


def create_transit_gateway_vpc_attachment(self, transit_gateway_id, *args, **kwargs):
    """Fix 10: the default association and propagation only when the gateway's options say enable."""
    attachment = _moto_create_vpc_attachment(self, transit_gateway_id, *args, **kwargs)
    gateway = self.transit_gateways[transit_gateway_id]
    options = gateway.options or {}
    default_table = gateway.default_route_table
    if options.get("DefaultRouteTableAssociation", "enable") == "enable":
        self.set_attachment_association(attachment.id, options.get("AssociationDefaultRouteTableId") or default_table.id)
    else:
        # moto's create put it in the default table's associations; AWS leaves it unassociated
        default_table.route_table_associations.pop(attachment.id, None)
    if options.get("DefaultRouteTablePropagation", "enable") == "enable":
        self.enable_transit_gateway_route_table_propagation(attachment.id, options.get("PropagationDefaultRouteTableId") or default_table.id)
    return attachment


TransitGatewayAttachmentBackend.create_transit_gateway_vpc_attachment = create_transit_gateway_vpc_attachment


def _current_association(self):
    """Fix 10: the table AssociateTransitGatewayRouteTable (or the default association) set, not moto's first."""
    table = (self._association_data or {}).get("transitGatewayRouteTableId")
    if self.resource_type == "vpc" or self._association_data:
        if self.state == "available" and table:
            return {"State": "associated", "TransitGatewayRouteTableId": table}
        return None
    # peering and other attachments: moto's own answer
    if self.state == "available" and self.transit_gateway_route_table:
        return {"State": "associated", "TransitGatewayRouteTableId": self.transit_gateway_route_table.id}
    return None


TransitGatewayAttachment.association = property(_current_association)


def search_transit_gateway_routes(self, transit_gateway_route_table_id, filters, max_results=None):
    """Fix 11: static and propagated routes, filtered, as a list (see _search_response for MaxResults)."""
    table = self.transit_gateways_route_tables.get(transit_gateway_route_table_id)
    if not table:
        return []
    routes = dict(table.routes)
    for propagation in table.route_table_propagation:
        attachment = self.transit_gateway_attachments.get(propagation.transitGatewayAttachmentId)
        if propagation.state != "enabled" or attachment is None or attachment.resource_type != "vpc":
            continue
        vpc = self.vpcs.get(attachment.resource_id)
        for block in vpc.get_cidr_block_association_set() if vpc else []:
            if (block.get("cidr_block_state") or {}).get("state", "associated") != "associated":
                continue
            routes.setdefault(  # a static route for the same destination wins
                block["cidr_block"],
                {
                    "destinationCidrBlock": block["cidr_block"],
                    "prefixListId": None,
                    "state": "active",
                    "type": "propagated",
                    "transitGatewayAttachments": [
                        {"resourceId": attachment.resource_id, "resourceType": "vpc", "transitGatewayAttachmentId": attachment.id}
                    ],
                },
            )
    found = []
    for route in routes.values():
        wanted = True
        for name, key in (("type", "type"), ("state", "state"), ("route-search.exact-match", "destinationCidrBlock")):
            values = (filters or {}).get(name)
            if values and route.get(key) not in values:
                wanted = False
        if wanted:
            found.append(route)
    return found


TransitGatewayRouteTableBackend.search_transit_gateway_routes = search_transit_gateway_routes


def _search_response(self):
    routes = self.ec2_backend.search_transit_gateway_routes(
        transit_gateway_route_table_id=self._get_param("TransitGatewayRouteTableId"),
        filters=self._filters_from_querystring(),
    )
    limit = self._get_param("MaxResults")
    more = bool(limit) and len(routes) > int(limit)
    if limit:
        routes = routes[: int(limit)]
    return ActionResult({"routeSet": routes, "additionalRoutesAvailable": more})


TransitGatewayRouteTableResponse.search_transit_gateway_routes = _search_response

_moto_rule_init = SecurityGroupRule.__init__


def _rule_init(self, *args, **kwargs):
    _moto_rule_init(self, *args, **kwargs)
    prefix_list = kwargs.get("prefix_list_id") or (args[7] if len(args) > 7 else None)
    self.prefix_list_description = (prefix_list or {}).get("Description")


SecurityGroupRule.__init__ = _rule_init
SecurityGroupRule.description = property(
    lambda self: self.ip_range.get("Description")
    or (self.source_group or {}).get("Description")
    or getattr(self, "prefix_list_description", None)
)


@paginate(pagination_model=PAGINATION_MODEL)
def list_resolver_endpoints(self, filters):
    if not filters:
        filters = []
    self._add_field_name_to_filter(filters)
    self._validate_filters(filters, ResolverEndpoint.FILTER_NAMES)
    return [
        e
        for e in sorted(self.resolver_endpoints.values(), key=lambda x: x.name or "")
        if self._matches_all_filters(e, filters)
    ]


Route53ResolverBackend.list_resolver_endpoints = list_resolver_endpoints

_rules_lock = threading.RLock()


def _serialized(method, direction=None):
    def call(self, group_name_or_id, *args, security_rule_ids=None, vpc_id=None, **kwargs):
        with _rules_lock:
            if direction and security_rule_ids:
                group = self.get_security_group_by_name_or_id(group_name_or_id, vpc_id)
                known = {r.id for r in getattr(group, direction + "_rules", [])} if group else set()
                unknown = [i for i in security_rule_ids if i not in known]
                if group and unknown:
                    raise InvalidSecurityGroupRuleIdNotFoundError(unknown[0])
            return method(self, group_name_or_id, *args, security_rule_ids=security_rule_ids, vpc_id=vpc_id, **kwargs)

    return call


for _name, _direction in [
    ("authorize_security_group_ingress", None),
    ("authorize_security_group_egress", None),
    ("revoke_security_group_ingress", "ingress"),
    ("revoke_security_group_egress", "egress"),
]:
    setattr(SecurityGroupBackend, _name, _serialized(getattr(SecurityGroupBackend, _name), _direction))



def _create_aws_request(self):
    signed_headers = self._get_string_between("SignedHeaders=", ",", self._headers["Authorization"]).split(";")
    headers = self._create_headers_for_aws_request(signed_headers, self._headers)
    # A form POST's body reaches moto parsed (self._data); moto's own re-encoding of it is kept.
    payload = self._body or (self._data if self._method != "GET" else b"")
    request = AWSRequest(method=self._method, url=self._path, data=payload, headers=headers)
    request.context["timestamp"] = headers["X-Amz-Date"]
    return request


IAMRequestBase._create_aws_request = _create_aws_request

aws_rules.install()


class OneCallAtATime:
    """Fix 9: each request is applied whole, one at a time, and every failed call is logged by name.

    AWS applies each API call atomically. moto keeps its state in plain dicts and lists that its
    threaded server changes from many requests at once: a DescribeRouteTables or a CreateRoute
    validating its destination against a route table's routes fails with HTTP 500 ("dictionary
    changed size during iteration") while another request adds a route to the same table, and the
    SDK's retry of a call that did change state (a 500 or a dropped answer) then meets its own
    first attempt (RouteAlreadyExists). The provider sends up to ten calls at once, so under load
    this made the suite flaky. Here one lock covers a call from its body to its last byte.
    Werkzeug's request log shows only "POST /"; a failed call is logged again with its action and
    status, so a 5xx or a retried write is explained by the moto log the harness keeps. A call the
    SDK sends again is logged too, with its attempt and invocation id (the AWS SDKs' amz-sdk-request
    and amz-sdk-invocation-id headers, the same id on every attempt of one call): a retry with no
    failed first attempt logged before it means the first answer was lost on the way back.
    """

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        body = _read_body(environ)
        answered = {}

        def recording_start_response(status, headers, exc_info=None):
            answered["status"] = status
            return start_response(status, headers, exc_info)

        attempt = environ.get("HTTP_AMZ_SDK_REQUEST", "")
        if attempt and not attempt.startswith("attempt=1;"):
            sys.stderr.write(
                "drslink-e2e: %s %s sent again by the SDK (%s; invocation %s)\n"
                % (_action(environ, body), environ.get("PATH_INFO", ""), attempt, environ.get("HTTP_AMZ_SDK_INVOCATION_ID", "?"))
            )
        with self.lock:
            chunks = list(self.app(environ, recording_start_response))
        status = answered.get("status", "")
        if not status.startswith(("2", "3")):
            sys.stderr.write(
                "drslink-e2e: %s %s -> %s%s\n"
                % (_action(environ, body), environ.get("PATH_INFO", ""), status, _error_code(chunks))
            )
        return chunks


def _read_body(environ):
    length = environ.get("CONTENT_LENGTH")
    if length:
        body = environ["wsgi.input"].read(int(length))
    elif environ.get("wsgi.input_terminated"):  # chunked: werkzeug ends the stream at the last chunk
        body = environ["wsgi.input"].read()
    else:
        body = b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _action(environ, body):
    target = environ.get("HTTP_X_AMZ_TARGET")
    if target:
        return target
    query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
    if body and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        query.update(urllib.parse.parse_qs(body.decode("utf-8", "replace")))
    return (query.get("Action") or [environ.get("REQUEST_METHOD", "?")])[0]


def _error_code(chunks):
    found = re.search(rb"<Code>([^<]+)</Code>|\"__type\":\s*\"([^\"]+)\"", b"".join(chunks)[:4000])
    return " " + (found.group(1) or found.group(2)).decode("utf-8", "replace") if found else ""


def answer_in_one_send(handler):
    """Fix 13: moto's request handler with a buffered stream, so that headers and body leave in one send."""

    class AnswerInOneSend(handler):
        wbufsize = -1  # socketserver.StreamRequestHandler: -1 is a buffered writer, 0 an unbuffered one

        def handle_expect_100(self):
            # http.server answers `Expect: 100-continue` before reading the body; the client waits for it.
            answered = super().handle_expect_100()
            self.wfile.flush()
            return answered

    return AnswerInOneSend


def run_simple_with_drs(host, port, app, request_handler=WSGIRequestHandler, **kwargs):
    run_simple(
        host,
        port,
        OneCallAtATime(DrsStandIn(app, get_account_id_from)),
        request_handler=answer_in_one_send(request_handler),
        **kwargs,
    )


# moto.server.main builds its app and hands it to run_simple; wrap it on the way.
moto.server.run_simple = run_simple_with_drs

if __name__ == "__main__":
    print(
        "drslink e2e: moto_server with the suite's moto fixes and the DRS stand-in",
        file=sys.stderr,
        flush=True,
    )
    moto.server.main(sys.argv[1:])
