variable "name_prefix" {
  description = "Prefix of the secret names (the CI roles may read and write secrets under <project>/)."
  type        = string
  default     = "proyecto06"
}
