"""What the emulator holds, by kind, as sorted ids: printed as JSON.

Usage: python3 inventory.py ENDPOINT_URL [REGION]
The aws-stacks check takes this before the first apply and after the last
destroy; anything new afterwards is a leftover. KMS keys scheduled for
deletion (what destroying a key does) are not counted as held.
"""
import json
import sys

import boto3

url = sys.argv[1]
region = sys.argv[2] if len(sys.argv) > 2 else "us-east-1"
kw = dict(endpoint_url=url, region_name=region, aws_access_key_id="test", aws_secret_access_key="test")
ec2 = boto3.client("ec2", **kw)
iam = boto3.client("iam", **kw)
kms = boto3.client("kms", **kw)
logs = boto3.client("logs", **kw)
efs = boto3.client("efs", **kw)
eks = boto3.client("eks", **kw)
s3 = boto3.client("s3", **kw)


def keys(items, key):
    return sorted(i[key] for i in items)


def live_keys():
    out = []
    for k in kms.list_keys()["Keys"]:
        state = kms.describe_key(KeyId=k["KeyId"])["KeyMetadata"]["KeyState"]
        if state != "PendingDeletion":
            out.append(k["KeyId"])
    return sorted(out)


held = {
    "vpcs": keys(ec2.describe_vpcs()["Vpcs"], "VpcId"),
    "subnets": keys(ec2.describe_subnets()["Subnets"], "SubnetId"),
    "nat_gateways": keys([n for n in ec2.describe_nat_gateways()["NatGateways"] if n["State"] not in ("deleted", "deleting")], "NatGatewayId"),
    "eips": keys(ec2.describe_addresses()["Addresses"], "AllocationId"),
    "internet_gateways": keys(ec2.describe_internet_gateways()["InternetGateways"], "InternetGatewayId"),
    "route_tables": keys(ec2.describe_route_tables()["RouteTables"], "RouteTableId"),
    "security_groups": keys(ec2.describe_security_groups()["SecurityGroups"], "GroupId"),
    "vpc_endpoints": keys([e for e in ec2.describe_vpc_endpoints()["VpcEndpoints"] if e["State"].lower() != "deleted"], "VpcEndpointId"),
    "flow_logs": keys(ec2.describe_flow_logs()["FlowLogs"], "FlowLogId"),
    "launch_templates": keys(ec2.describe_launch_templates()["LaunchTemplates"], "LaunchTemplateId"),
    "iam_roles": keys(iam.list_roles()["Roles"], "RoleName"),
    "iam_policies": keys(iam.list_policies(Scope="Local")["Policies"], "Arn"),
    "oidc_providers": keys(iam.list_open_id_connect_providers()["OpenIDConnectProviderList"], "Arn"),
    "kms_keys": live_keys(),
    "kms_aliases": sorted(a["AliasName"] for a in kms.list_aliases()["Aliases"] if "TargetKeyId" in a and not a["AliasName"].startswith("alias/aws/")),
    "log_groups": keys(logs.describe_log_groups()["logGroups"], "logGroupName"),
    "efs_file_systems": keys(efs.describe_file_systems()["FileSystems"], "FileSystemId"),
    "eks_clusters": sorted(eks.list_clusters()["clusters"]),
    "s3_buckets": keys(s3.list_buckets().get("Buckets", []), "Name"),
}
print(json.dumps(held))
