"""Deletes every object version and delete marker of a bucket (emulator only).

Usage: python3 empty-bucket.py ENDPOINT_URL BUCKET
The state bucket is versioned and not force_destroy (on purpose); before the
check destroys it, it removes what the stacks' states left there.
"""
import sys

import boto3

url, bucket = sys.argv[1], sys.argv[2]
s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
n = 0
for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket):
    for v in page.get("Versions", []) + page.get("DeleteMarkers", []):
        s3.delete_object(Bucket=bucket, Key=v["Key"], VersionId=v["VersionId"])
        n += 1
print(n)
