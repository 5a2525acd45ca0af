//! The demo data that `redress demo` loads: every printed login works, and loading twice
//! changes nothing.
use crate::common::TestApp;
use crate::on_both_engines;
use redress::demo::{LOGINS, PASSWORD};
use rocket::http::Status;

async fn the_demo_loads_once_and_every_printed_login_works(app: TestApp) {
    assert!(redress::demo::load(&app.state).await.unwrap(), "loaded");
    assert!(!redress::demo::load(&app.state).await.unwrap(), "not twice");
    for (role, email) in LOGINS {
        let (status, token) = app.try_login(email, PASSWORD).await;
        assert_eq!(status, Status::Ok, "{email}");
        let me = app.get_as("/api/v1/me", &token.unwrap()).await.1;
        assert_eq!(me["role"], role, "{email}");
        assert_eq!(me["email_confirmed"], true, "{email}");
    }
    let verify = redress::audit::verify(&app.state.db).await.unwrap();
    assert!(verify.intact(), "{:?}", verify.problem);
}
on_both_engines!(the_demo_loads_once_and_every_printed_login_works);
