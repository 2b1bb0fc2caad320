variable "domain_name" {
  description = "Public host name of the application (e.g. app.example.com). Empty = no HTTPS."
  type        = string
  default     = ""
}

variable "hosted_zone_id" {
  description = "Route 53 zone of domain_name; with it the DNS validation records are created. Empty = add them by hand."
  type        = string
  default     = ""
}
