${header}

variable "tags" {
  description = "Tags added to every taggable resource drslink creates (drslink adds ManagedBy and DrslinkTopology)."
  type = map(string)
  default = ${tagsDefault}
}
