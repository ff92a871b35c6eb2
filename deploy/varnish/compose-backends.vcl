# The instances of docker-compose.yml behind Varnish (deploy/varnish/fpbase.vcl includes this file as
# backends.vcl): the shard director `site`, and who may purge (the compose networks, where the instances are).
backend web1 {
	.host = "web-1";
	.port = "8080";
	.first_byte_timeout = 60s;
	.probe = { .url = "/livez"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }
}
backend web2 {
	.host = "web-2";
	.port = "8080";
	.first_byte_timeout = 60s;
	.probe = { .url = "/livez"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }
}
sub vcl_init {
	new site = directors.shard();
	site.add_backend(web1);
	site.add_backend(web2);
	site.reconfigure();
}
acl purgers {
	"172.16.0.0"/12;
	"192.168.0.0"/16;
	"10.0.0.0"/8;
}
