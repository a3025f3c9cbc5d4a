package drslink.model;

import drslink.diag.SourceLocation;

/** One region's transit gateway, the route table its VPC attachment uses, and that attachment. */
public record TransitGatewaySide(
    Located<String> region, Located<String> id, Located<String> routeTableId, Located<String> attachmentId, SourceLocation at) {}
