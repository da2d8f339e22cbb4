//! Joint meetings (monthly / quarterly / annual rhythm) and joint projects with
//! government departments.

use quntuan_kit::catalog::{Org, city_center_id, district_center_id};
use quntuan_kit::region::{CITY_CODE, COUNTIES};
use quntuan_kit::seed::date;
use quntuan_kit::{Progress, Rng, Scale, bulk_insert};
use sea_orm::{DatabaseConnection, DbErr, Value};

/// The government departments joint projects are run with (24: "20+ departments").
pub(crate) const DEPARTMENTS: [&str; 24] = [
    "市委组织部",
    "市委宣传部",
    "市委社治委",
    "市委网信办",
    "市发展改革委",
    "市教育局",
    "市科技局",
    "市经信局",
    "市民政局",
    "市司法局",
    "市财政局",
    "市人社局",
    "市住建局",
    "市交通运输局",
    "市农业农村局",
    "市商务局",
    "市文广旅局",
    "市卫健委",
    "市应急局",
    "市市场监管局",
    "市体育局",
    "市医保局",
    "市退役军人局",
    "市妇儿工委办",
];

/// Project themes with their lead organisation.
const PROJECT_THEMES: [(&str, Org); 18] = [
    ("新就业形态劳动者关爱", Org::Unions),
    ("职工技能提升", Org::Unions),
    ("产业工人队伍建设改革", Org::Unions),
    ("一站式劳动纠纷调处", Org::Unions),
    ("青年友好城市建设", Org::Youth),
    ("青少年心理健康护航", Org::Youth),
    ("青年志愿服务提质", Org::Youth),
    ("新市民青年融入", Org::Youth),
    ("儿童友好社区建设", Org::Women),
    ("家庭教育指导", Org::Women),
    ("妇女创业就业扶持", Org::Women),
    ("巾帼乡村振兴", Org::Women),
    ("科技助企", Org::Science),
    ("基层科普能力提升", Org::Science),
    ("院士专家智力服务", Org::Science),
    ("无障碍环境建设", Org::Disability),
    ("残疾人就业帮扶", Org::Disability),
    ("有爱无碍社区融合", Org::Disability),
];

const AGENDAS: [&str; 6] = [
    "通报各群团组织重点工作进展，协调阵地共建共享",
    "研究群团改革项目推进中的难点问题",
    "部署群团服务中心一体化运行",
    "听取联合项目阶段成效汇报",
    "讨论下阶段群团协同服务清单",
    "交流基层群团工作经验",
];

struct MeetingRow {
    id: String,
    title: String,
    cadence: &'static str,
    held_on: chrono::NaiveDate,
    region_code: String,
    host_center_id: String,
    agenda: &'static str,
}

/// City meetings every month, quarter and year; at full scale also the district
/// meetings (monthly and quarterly). Demo covers 2025 only, full 2023–2025.
pub(crate) async fn seed_meetings(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let years: Vec<i32> = match scale {
        Scale::Demo => vec![2025],
        Scale::Full => vec![2023, 2024, 2025],
    };
    let mut rng = Rng::for_stream("hub.meetings");
    let mut rows = Vec::new();
    let mut hosts: Vec<(String, String, String)> = vec![(
        CITY_CODE.to_string(),
        "成都市".to_string(),
        city_center_id(),
    )];
    if scale == Scale::Full {
        hosts.extend(COUNTIES.iter().map(|c| {
            (
                c.code.to_string(),
                c.name.to_string(),
                district_center_id(c.code),
            )
        }));
    }
    for (region_code, place, host) in &hosts {
        let is_city = region_code == CITY_CODE;
        for &year in &years {
            for month in 1..=12u32 {
                let day = rng.range(5, 25) as u32;
                rows.push(MeetingRow {
                    id: format!("jm-{region_code}-{year}-m{month:02}"),
                    title: format!("{place}{year}年{month}月群团工作例会"),
                    cadence: "MONTHLY",
                    held_on: date(year, month, day),
                    region_code: region_code.clone(),
                    host_center_id: host.clone(),
                    agenda: rng.pick(&AGENDAS).copied().unwrap_or_default(),
                });
            }
            for quarter in 1..=4u32 {
                rows.push(MeetingRow {
                    id: format!("jm-{region_code}-{year}-q{quarter}"),
                    title: format!("{place}{year}年第{quarter}季度群团改革项目推进会"),
                    cadence: "QUARTERLY",
                    held_on: date(year, quarter * 3, 28),
                    region_code: region_code.clone(),
                    host_center_id: host.clone(),
                    agenda: "研究群团改革项目推进中的难点问题",
                });
            }
            if is_city {
                rows.push(MeetingRow {
                    id: format!("jm-{region_code}-{year}-a"),
                    title: format!("{year}年度大群团工作研讨会"),
                    cadence: "ANNUAL",
                    held_on: date(year, 12, 18),
                    region_code: region_code.clone(),
                    host_center_id: host.clone(),
                    agenda: "总结全年大群团工作，研讨下一年度改革重点",
                });
            }
        }
    }
    let stage = progress.stage("hub: joint meetings", rows.len() as u64);
    let values = rows.into_iter().map(|m| {
        vec![
            Value::from(m.id),
            m.title.into(),
            m.cadence.into(),
            m.held_on.into(),
            m.region_code.into(),
            m.host_center_id.into(),
            m.agenda.into(),
        ]
    });
    bulk_insert(
        db,
        "joint_meeting",
        &[
            "id",
            "title",
            "cadence",
            "held_on",
            "region_code",
            "host_center_id",
            "agenda",
        ],
        values,
        &stage,
    )
    .await?;
    stage.finish();
    Ok(())
}

/// 36 projects at full scale (8 at demo), each with 2–4 departments (every department in at
/// least one project at full scale) and 2–4 organisations.
pub(crate) async fn seed_projects(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let total = scale.count(8, 36) as usize;
    let mut rng = Rng::for_stream("hub.projects");
    let mut projects = Vec::new();
    let mut departments = Vec::new();
    let mut organizations = Vec::new();
    for i in 0..total {
        let (theme, lead) = PROJECT_THEMES[i % PROJECT_THEMES.len()];
        let suffix = if i < PROJECT_THEMES.len() {
            "行动"
        } else {
            "提升计划"
        };
        let id = format!("jp-{:02}", i + 1);
        let started_on = rng.date_between(date(2022, 1, 1), date(2025, 6, 30));
        let status = match rng.below(100) {
            0..20 => "COMPLETED",
            20..85 => "ACTIVE",
            _ => "PLANNED",
        };
        let region_code = if rng.chance(0.75) {
            CITY_CODE.to_string()
        } else {
            rng.pick(&COUNTIES)
                .map(|c| c.code.to_string())
                .unwrap_or_else(|| CITY_CODE.to_string())
        };
        projects.push(vec![
            Value::from(id.clone()),
            format!("{theme}{suffix}").into(),
            status.into(),
            lead.as_str().into(),
            started_on.into(),
            region_code.into(),
            format!("由{}牵头，联合相关部门共同推进{theme}", lead.chinese_name()).into(),
        ]);
        let mut depts = vec![DEPARTMENTS[i % DEPARTMENTS.len()]];
        while depts.len() < 2 + rng.index(3) {
            let d = rng.pick(&DEPARTMENTS).copied().unwrap_or(DEPARTMENTS[0]);
            if !depts.contains(&d) {
                depts.push(d);
            }
        }
        depts.sort_unstable();
        departments.extend(
            depts
                .into_iter()
                .map(|d| vec![Value::from(id.clone()), d.into()]),
        );
        let mut orgs = vec![lead];
        while orgs.len() < 2 + rng.index(3) {
            let o = rng.pick(&Org::ALL).copied().unwrap_or(Org::Unions);
            if !orgs.contains(&o) {
                orgs.push(o);
            }
        }
        orgs.sort_unstable();
        organizations.extend(
            orgs.into_iter()
                .map(|o| vec![Value::from(id.clone()), o.as_str().into()]),
        );
    }
    let stage = progress.stage(
        "hub: joint projects",
        (projects.len() + departments.len() + organizations.len()) as u64,
    );
    bulk_insert(
        db,
        "joint_project",
        &[
            "id",
            "name",
            "status",
            "lead_organization",
            "started_on",
            "region_code",
            "summary",
        ],
        projects,
        &stage,
    )
    .await?;
    bulk_insert(
        db,
        "joint_project_department",
        &["project_id", "department"],
        departments,
        &stage,
    )
    .await?;
    bulk_insert(
        db,
        "joint_project_organization",
        &["project_id", "organization"],
        organizations,
        &stage,
    )
    .await?;
    stage.finish();
    Ok(())
}
