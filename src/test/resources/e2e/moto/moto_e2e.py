"""moto_server for the drslink e2e suite: moto 5.2.x plus the one fix the suite depends on.

Run exactly like moto_server (`python3 moto_e2e.py -H 127.0.0.1 -p PORT`); the harness starts it
with the moto image's (or the local venv's) python, so the installed moto is left untouched.

Fix: Route 53 CreateHostedZone. AWS makes a zone private because the request carries a <VPC>
element; HostedZoneConfig.PrivateZone is a response-only field that no SDK and not the Terraform
provider sends. moto 5.2.x reads only that flag, so every zone created with a VPC became public
and each later AssociateVPCWithHostedZone failed with PublicZoneVPCAssociation. Here the flag is
derived from the VPC element, as AWS does; everything else is moto's own code.
"""
import sys

from moto.route53.responses import Route53
from moto.server import main

_moto_get_bool_param = Route53._get_bool_param


def _get_bool_param(self, param_name, if_none=None):
    value = _moto_get_bool_param(self, param_name, if_none)
    if param_name == "HostedZoneConfig.PrivateZone" and value is if_none:
        if self._get_param("VPC.VPCId"):
            return True
    return value


Route53._get_bool_param = _get_bool_param

if __name__ == "__main__":
    print("drslink e2e: moto_server with the Route 53 private-zone fix", file=sys.stderr, flush=True)
    main(sys.argv[1:])
