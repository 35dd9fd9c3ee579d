package org.teleris.it;

/** The accounts the server seeds with ris.demo.seed=true (see ris-app's DemoData). */
enum DemoUsers {
    DOCTOR_NORTH("doctor.north", "north-demo"),
    DOCTOR_SOUTH("doctor.south", "south-demo"),
    CONSULTANT("consultant", "consultant-demo"),
    EXPERT("expert", "expert-demo"),
    ADMIN("admin", "admin-demo");

    final String username;
    final String password;

    DemoUsers(String username, String password) {
        this.username = username;
        this.password = password;
    }
}
