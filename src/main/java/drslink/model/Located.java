package drslink.model;

import drslink.diag.SourceLocation;

/** A value from the topology file together with where it was written. */
public record Located<T>(T value, SourceLocation at) {
}
